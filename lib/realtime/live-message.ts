/** What subscribers receive on every channel: the payload, or a signal to refetch when it would not fit. */
export interface LiveMessage<T = unknown> {
  seq: number;
  sentAt: string;
  data?: T;
  refetch?: true;
}
