/**
 * A running dashboard for tests and screenshots: the fake GitHub (OAuth, user API), an in-memory PGlite
 * history seeded with a cohort in installation 7 (organisation "cohort"), and the App's dashboard
 * handler on a local HTTP server. People: `mentor` owns the organisation, `ada` (and the other seeded
 * logins) are learners and members, `visitor` is a member with no reviews, `solo` owns a user
 * installation (8) of their own.
 */
import { generateKeyPairSync } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { seedCohort } from "../../bench/seed-cohort.js";
import { readLesson } from "../../src/app/default-deps.js";
import { createDashboardHandler } from "../../src/dashboard/create-dashboard-handler.js";
import { migrate } from "../../src/storage/migrate.js";
import { pgliteClient } from "../../src/storage/pglite-client.js";
import type { SqlClient } from "../../src/storage/sql-client.js";
import { FakeGitHub } from "../fake-github/fake-github.js";

export const COHORT_INSTALLATION = 7;
export const SOLO_INSTALLATION = 8;
/** Seeded learner n has id 7 * 100000 + n; `ada` is learner 1, `grace` learner 2. */
export const learnerId = (n: number): number => COHORT_INSTALLATION * 100_000 + n;

export interface RunningDashboard {
  url: string;
  fake: FakeGitHub;
  db: SqlClient;
  close(): Promise<void>;
}

export async function startDashboard(
  seed: { learners: number; pulls: number; findingsPerPull: number },
  now = new Date(),
): Promise<RunningDashboard> {
  const { publicKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
  const fake = await FakeGitHub.start(1, publicKey);
  fake.oauth.client = { id: "Iv1.dashboardtest", secret: "dashboard-test-secret" };
  const mentor = fake.oauth.addUser("mentor", 90);
  fake.oauth.addUser("visitor", 91);
  const solo = fake.oauth.addUser("solo", 92);
  fake.oauth.addUser("ada", learnerId(1));
  fake.oauth.addUser("grace", learnerId(2));
  fake.oauth.addInstallation(
    COHORT_INSTALLATION,
    { login: "cohort", id: 500, type: "Organization" },
    { mentor: "admin", visitor: "member", ada: "member", grace: "member" },
  );
  fake.oauth.addInstallation(SOLO_INSTALLATION, solo);
  void mentor;
  const db = await pgliteClient();
  await migrate(db);
  await seedCohort(db, { installationId: COHORT_INSTALLATION, ...seed, now });
  const handler = createDashboardHandler({
    env: {
      GITHUB_CLIENT_ID: fake.oauth.client.id,
      GITHUB_CLIENT_SECRET: fake.oauth.client.secret,
      GHE_HOST: fake.host,
      GHE_PROTOCOL: "http",
    },
    db: async () => db,
    readLesson,
    now: () => now,
  });
  const server: Server = createServer((req, res) => {
    void Promise.resolve(handler(req, res)).then((handled) => {
      if (!handled) res.writeHead(404).end("not the dashboard");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    fake,
    db,
    async close() {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      await fake.close();
      await db.close();
    },
  };
}

/** A cookie-keeping client that follows redirects by hand and records each hop. */
export class Browserless {
  readonly cookies = new Map<string, string>();
  readonly setCookieHeaders: string[] = [];
  constructor(readonly base: string) {}

  async get(
    path: string,
    options: { follow?: boolean } = {},
  ): Promise<{ status: number; location?: string; text: string; url: string }> {
    let url = new URL(path, this.base).toString();
    for (let hop = 0; hop < 10; hop++) {
      const sameOrigin = url.startsWith(this.base);
      const response = await fetch(url, {
        redirect: "manual",
        headers:
          sameOrigin && this.cookies.size > 0
            ? { cookie: [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; ") }
            : {},
      });
      if (sameOrigin) {
        for (const header of response.headers.getSetCookie()) {
          this.setCookieHeaders.push(header);
          const [pair] = header.split(";");
          const [name, ...value] = (pair ?? "").split("=");
          if (name) this.cookies.set(name.trim(), value.join("="));
        }
      }
      const location = response.headers.get("location") ?? undefined;
      if (response.status >= 300 && response.status < 400 && location && options.follow !== false) {
        url = new URL(location, url).toString();
        continue;
      }
      return { status: response.status, ...(location ? { location } : {}), text: await response.text(), url };
    }
    throw new Error(`too many redirects from ${path}`);
  }

  /** Signs in at the fake GitHub as `login` and goes through the OAuth flow back to `next`. */
  async signIn(
    fake: FakeGitHub,
    login: string,
    next = "/dashboard",
  ): Promise<{ status: number; text: string; url: string }> {
    fake.oauth.signedInAs = login;
    return this.get(`/dashboard/login/github?next=${encodeURIComponent(next)}`);
  }
}
