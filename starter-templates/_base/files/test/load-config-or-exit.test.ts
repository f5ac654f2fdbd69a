import { describe, expect, it } from "vitest";
import { ConfigError } from "../src/config-error.js";
import { type ExitIo, loadConfigOrExit } from "../src/load-config-or-exit.js";

class Exited extends Error {}

function fakeIo() {
  const written: string[] = [];
  const codes: number[] = [];
  const io: ExitIo = {
    writeError: (line) => written.push(line),
    exit: (code) => {
      codes.push(code);
      throw new Exited();
    },
  };
  return { io, written, codes };
}

describe("loadConfigOrExit", () => {
  it("returns the configuration when it loads", () => {
    const { io, written } = fakeIo();
    expect(loadConfigOrExit(() => ({ port: 3000 }), io)).toEqual({ port: 3000 });
    expect(written).toEqual([]);
  });

  it("turns a ConfigError into one line on stderr and exit code 1", () => {
    const { io, written, codes } = fakeIo();
    const load = () => {
      throw new ConfigError("JWT_SECRET is not set");
    };
    expect(() => loadConfigOrExit(load, io)).toThrow(Exited);
    expect(written).toEqual(["Cannot start: JWT_SECRET is not set\n"]);
    expect(codes).toEqual([1]);
  });

  it("lets any other error through: that is a bug, and its stack trace helps", () => {
    const { io, codes } = fakeIo();
    const load = () => {
      throw new TypeError("boom");
    };
    expect(() => loadConfigOrExit(load, io)).toThrow(TypeError);
    expect(codes).toEqual([]);
  });
});
