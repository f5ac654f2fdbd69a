import type { IncomingMessage } from "node:http";

/** GitHub caps webhook payloads at 25 MB; anything larger is not from GitHub. */
export const MAX_WEBHOOK_BYTES = 25 * 1024 * 1024;

/**
 * The request body, or "too-large" as soon as `Content-Length` or the bytes received pass `limit`:
 * a huge body is refused before it is read whole, and never kept.
 */
export async function readBoundedBody(
  request: IncomingMessage,
  limit = MAX_WEBHOOK_BYTES,
): Promise<Buffer | "too-large"> {
  const declared = Number(request.headers["content-length"]);
  if (Number.isFinite(declared) && declared > limit) return "too-large";
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > limit) return "too-large";
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}
