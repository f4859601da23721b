/** The look of a text input or select in filter bars and small forms. */
export const fieldClassName = "border-border bg-card h-9 rounded-md border px-2 text-sm";
