import { PARSE_ERROR_CHECK_ID, type EngineCheck } from "../../contract/check.js";

/** Reported by the engine when a JavaScript or TypeScript file does not parse: the file cannot be judged further. */
export const parseErrorCheck: EngineCheck = {
  kind: "engine",
  id: PARSE_ERROR_CHECK_ID,
  criterion: "clean-code",
  description: "A JavaScript or TypeScript file does not parse, so nothing else in it can be reviewed.",
  defaultLevel: "essential",
};
