import { OWNER, pullRequestPayload, REPO, deliveryId, type Harness } from "./harness.js";

/** Delivers a pull_request webhook for the fake's pull request `number` through probot.receive(). */
export async function deliverPullRequest(
  harness: Harness,
  action: string,
  number = 1,
  id = deliveryId(),
): Promise<void> {
  const pull = harness.fake.repo(OWNER, REPO).pulls.get(number)!;
  await harness.probot.receive({ id, name: "pull_request", payload: pullRequestPayload(action, pull) } as never);
}
