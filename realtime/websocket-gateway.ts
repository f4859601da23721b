// WebSocket side: upgrades `/app/{key}`, runs the Pusher handshake and wires each socket to a Connection.
import type { IncomingMessage } from "node:http";
import type { Duplex } from "node:stream";

import { WebSocket, WebSocketServer, type RawData } from "ws";

import { clientAddress } from "./client-address";
import { handleClientMessage } from "./client-messages";
import { Connection } from "./connection";
import { encodeError, ErrorCode, PROTOCOL_VERSION } from "./protocol";
import type { ServerContext } from "./server-context";

const APP_PATH = /^\/app\/([^/?]+)$/;
/** How long `close()` waits for clients to answer the close handshake before cutting them off. */
const CLOSE_GRACE_MS = 1000;

export interface WebSocketGateway {
  handleUpgrade: (request: IncomingMessage, socket: Duplex, head: Buffer) => void;
  close: () => Promise<void>;
}

/** ws hands frames over as one Buffer by default; the other shapes only exist with other `binaryType`s. */
function toText(raw: RawData): string {
  if (Array.isArray(raw)) return Buffer.concat(raw).toString("utf8");
  return (Buffer.isBuffer(raw) ? raw : Buffer.from(raw)).toString("utf8");
}

export function createWebSocketGateway(ctx: ServerContext): WebSocketGateway {
  // ws enforces maxPayload itself: an oversized frame closes the socket with 1009.
  const wss = new WebSocketServer({
    noServer: true,
    maxPayload: ctx.options.maxMessageBytes,
    perMessageDeflate: false,
    clientTracking: false,
  });
  const sockets = new Set<WebSocket>();
  let closing = false;

  function handleUpgrade(request: IncomingMessage, socket: Duplex, head: Buffer): void {
    socket.on("error", () => socket.destroy());
    const url = new URL(request.url ?? "/", "http://localhost");
    const key = APP_PATH.exec(url.pathname)?.[1];
    if (closing || key === undefined) {
      const status = closing ? "503 Service Unavailable" : "404 Not Found";
      socket.end(`HTTP/1.1 ${status}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
      return;
    }
    wss.handleUpgrade(request, socket, head, (ws) => {
      sockets.add(ws);
      ws.on("close", () => sockets.delete(ws));
      // Errors (oversized or invalid frames) are followed by ws closing the socket; nothing else to do.
      ws.on("error", () => undefined);
      accept(ws, key, url.searchParams.get("protocol"), clientAddress(request, ctx.options.trustProxy));
    });
  }

  function accept(ws: WebSocket, key: string, protocol: string | null, address: string): void {
    const app = ctx.appsByKey.get(key);
    if (!app) return refuse(ws, ErrorCode.appNotFound, `App key ${key} does not exist`);
    if (Number(protocol) !== PROTOCOL_VERSION) return refuse(ws, ErrorCode.unsupportedProtocol, `Unsupported protocol version ${protocol}`);
    if (ctx.connections.size >= ctx.options.maxConnections) return refuse(ws, ErrorCode.overConnectionQuota, "Over connection quota");
    if (ctx.connectionsPerAddress.get(address) >= ctx.options.maxConnectionsPerAddress) {
      ctx.counters.connectionsOverAddressLimit += 1;
      return refuse(ws, ErrorCode.overConnectionQuota, "Over connection quota for this client address");
    }
    const connection = new Connection(ws, app, ctx, address);
    ctx.connections.add(connection);
    ctx.counters.connectionsOpened += 1;
    ws.on("message", (raw) => {
      // Frames still arriving after the server closed the socket (say for abuse) are not acted on.
      if (ws.readyState !== WebSocket.OPEN) return;
      connection.markActive();
      ctx.counters.messagesReceived += 1;
      // One client's bad input must never reach the process: report it to that client only.
      try {
        handleClientMessage(connection, toText(raw));
      } catch {
        connection.sendError(ErrorCode.genericError, "Internal error while handling the message");
      }
    });
    ws.on("close", () => connection.dispose());
    const handshake = { socket_id: connection.socketId, activity_timeout: ctx.options.activityTimeoutSeconds };
    connection.sendEvent("pusher:connection_established", handshake);
  }

  /** Protocol 7 reports handshake failures as a pusher:error, then a close frame with the same code. */
  function refuse(ws: WebSocket, code: number, message: string): void {
    ctx.counters.connectionsRejected += 1;
    ws.send(encodeError(code, message));
    ws.close(code, message);
  }

  async function close(): Promise<void> {
    closing = true;
    const closed = Promise.all([...sockets].map((ws) => new Promise((resolve) => ws.once("close", resolve))));
    // 4200 asks clients to reconnect, which suits a restart.
    for (const connection of [...ctx.connections]) connection.close(ErrorCode.reconnect, "Server shutting down");
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([closed, new Promise((resolve) => (timer = setTimeout(resolve, CLOSE_GRACE_MS)))]);
    clearTimeout(timer);
    for (const ws of sockets) ws.terminate();
    await new Promise((resolve) => wss.close(resolve));
  }

  return { handleUpgrade, close };
}
