import type { Finding } from "../contract/types.js";

/** The renderers the App posts with (from src/report), passed in so publishing stays testable. */
export interface FindingRenderers {
  renderFindingComment(finding: Finding): string;
  fingerprintMarker(fingerprint: string): string;
  parseFingerprintMarker(body: string): string | undefined;
}

/** Every fingerprint marked in a body, one marker per line (a review body lists several findings). */
export function fingerprintsIn(body: string, renderers: Pick<FindingRenderers, "parseFingerprintMarker">): string[] {
  const found: string[] = [];
  for (const line of body.split("\n")) {
    const fingerprint = renderers.parseFingerprintMarker(line);
    if (fingerprint !== undefined) found.push(fingerprint);
  }
  return found;
}
