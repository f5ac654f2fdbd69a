/** A bad environment: the server cannot start until the variable it names is fixed. */
export class ConfigError extends Error {
  override name = "ConfigError";
}
