/** Why the filters in the URL could not be used; the page shows it instead of data. */
export function FiltersInvalid({ message }: { message: string }) {
  return (
    <p role="alert" data-testid="filters-invalid" className="rounded-lg border border-red-500/40 bg-red-500/10 p-3 text-sm">
      {message}
    </p>
  );
}
