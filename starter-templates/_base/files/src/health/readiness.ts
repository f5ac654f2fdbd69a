/**
 * Whether the process should receive new traffic. It starts ready and stops being ready when shutdown
 * begins, so a load balancer polling `/health/ready` sends no new requests while in-flight ones finish.
 */
export interface Readiness {
  readonly isReady: () => boolean;
  readonly markNotReady: () => void;
}

export function createReadiness(): Readiness {
  let ready = true;
  return {
    isReady: () => ready,
    markNotReady: () => {
      ready = false;
    },
  };
}
