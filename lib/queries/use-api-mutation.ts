"use client";

import { useMutation, useQueryClient, type QueryKey } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { ZodError } from "zod";

import { errorMessage } from "../utils/error-message";

interface ApiMutationOptions<Input, Output> {
  /** The write itself, usually `sendEnvelope(...)`; it throws on failure. */
  send: (input: Input) => Promise<Output>;
  /** Queries to read again once the write settles (a failed write may have changed state too). */
  invalidates?: readonly QueryKey[];
  /** Re-render the page's server components after a successful write, for data they render. */
  refresh?: boolean;
  onSuccess?: (output: Output, input: Input) => void;
}

/** What the UI shows for a failed write: the envelope's message, or the first validation issue. */
export function readableMessage(error: unknown): string {
  if (error instanceof ZodError) return error.issues[0]?.message ?? "Invalid input.";
  return errorMessage(error);
}

/**
 * The one way components write: TanStack Query's mutation around `send`, with the
 * follow-up reads (invalidation, server re-render) and a readable `errorMessage`.
 */
export function useApiMutation<Input = void, Output = unknown>({
  send,
  invalidates = [],
  refresh = false,
  onSuccess,
}: ApiMutationOptions<Input, Output>) {
  const queryClient = useQueryClient();
  const router = useRouter();
  const mutation = useMutation<Output, Error, Input>({
    mutationFn: send,
    onSuccess: (output, input) => {
      onSuccess?.(output, input);
      if (refresh) router.refresh();
    },
    onSettled: () => Promise.all(invalidates.map((queryKey) => queryClient.invalidateQueries({ queryKey }))),
  });
  return { ...mutation, errorMessage: mutation.error ? readableMessage(mutation.error) : null };
}
