/**
 * The hidden marker that ends each inline comment Apprentice posts, so the App can find its own
 * comments again (and post nothing twice) by the finding's fingerprint.
 */
const MARKER = /<!-- apprentice:fp=([A-Za-z0-9._~%-]+) -->/;

/** `<!-- apprentice:fp=<fingerprint> -->`; characters outside [A-Za-z0-9._~-] are percent-encoded. */
export function fingerprintMarker(fingerprint: string): string {
  return `<!-- apprentice:fp=${encodeURIComponent(fingerprint).replace(/[!'()*]/g, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`)} -->`;
}

/** The fingerprint in a comment body written by `fingerprintMarker`, or undefined when there is none. */
export function parseFingerprintMarker(body: string): string | undefined {
  const encoded = MARKER.exec(body)?.[1];
  if (encoded === undefined) return undefined;
  try {
    return decodeURIComponent(encoded);
  } catch {
    return undefined;
  }
}
