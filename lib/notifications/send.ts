// The two ways a notification leaves: SMTP (nodemailer) and a Slack incoming webhook (HTTP POST).
import nodemailer from "nodemailer";

import { env } from "../server/env";
import { safeFetch } from "../server/net/safe-fetch";
import type { NotificationKind } from "./targets";

export interface Message {
  subject: string;
  text: string;
}

const SLACK_TIMEOUT_MS = 5_000;

async function sendEmail(to: string, message: Message): Promise<void> {
  if (!env.SMTP_URL) throw new Error("SMTP is not configured (set SMTP_URL).");
  const transport = nodemailer.createTransport(env.SMTP_URL);
  try {
    await transport.sendMail({ from: env.SMTP_FROM, to, subject: message.subject, text: message.text });
  } finally {
    transport.close();
  }
}

async function sendSlack(webhook: string, message: Message): Promise<void> {
  const response = await safeFetch(webhook, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ text: `*${message.subject}*\n${message.text}` }),
    timeoutMs: SLACK_TIMEOUT_MS,
  });
  // A 2xx is all Slack has to say; its body never reaches the stored error.
  response.resume();
}

export function send(kind: NotificationKind, target: string, message: Message): Promise<void> {
  return kind === "EMAIL" ? sendEmail(target, message) : sendSlack(target, message);
}
