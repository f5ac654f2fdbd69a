import { Writable } from "node:stream";

export interface CapturedLog {
  stream: Writable;
  /** Everything written so far, as text. */
  text(): string;
  /** Everything written so far, one parsed object per JSON line. */
  lines(): Record<string, unknown>[];
}

/** A stream to hand to a pino logger, which keeps what it receives for the test to read. */
export function captureLog(): CapturedLog {
  const chunks: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      chunks.push(chunk.toString());
      callback();
    },
  });
  const text = () => chunks.join("");
  const lines = () =>
    text()
      .split("\n")
      .filter((line) => line.trim() !== "")
      .map((line) => JSON.parse(line) as Record<string, unknown>);
  return { stream, text, lines };
}
