/** Mass assignment one field at a time: a role or admin flag from the request written on a create. */
import { describe, expect, it } from "vitest";
import { findingLabels } from "./run-taint-checks.js";

const labels = (code: string, path = "src/routes/accounts.ts") =>
  [...findingLabels(path, code)].filter((label) => label.startsWith("mass-assignment"));

describe("mass-assignment: privilege fields from the request on a create", () => {
  it("reports a role or admin flag taken from the body (Express, Fastify/Prisma, a NestJS DTO that declares it, new Model)", () => {
    expect(
      labels(
        "router.post('/join', async (req, res) => {\n  const { email, accessLevel } = req.body;\n  const member = await Member.create({ email: String(email), accessLevel: accessLevel ?? 1 });\n  res.json({ id: member.id });\n});\n",
      ),
    ).toEqual(["mass-assignment:3"]);
    expect(
      labels(
        "app.post('/join', async (request) => {\n  return app.db.member.create({ data: { email: request.body.email, roles: request.body.roles || ['reader'] } });\n});\n",
      ),
    ).toEqual(["mass-assignment:2"]);
    expect(
      labels(
        "class JoinDto {\n  email!: string;\n  isStaff?: boolean;\n}\n@Controller('members')\nexport class MembersController {\n  @Post()\n  join(@Body() body: JoinDto) {\n    return this.members.save({ email: body.email, isStaff: body.isStaff || false });\n  }\n}\n",
      ),
    ).toEqual(["mass-assignment:9"]);
    expect(
      labels(
        "router.post('/join', async (req, res) => {\n  await new Member({ email: String(req.body.email), admin: req.body.admin }).save();\n  res.end();\n});\n",
      ),
    ).toEqual(["mass-assignment:2"]);
  });

  it("stays quiet when the server sets the role, for other fields from the body, and on updates", () => {
    expect(
      labels(
        "router.post('/join', async (req, res) => {\n  const { email, nickname } = req.body;\n  await Member.create({ email: String(email), nickname: String(nickname), role: 'reader' });\n  res.end();\n});\n",
      ),
    ).toEqual([]);
    expect(
      labels(
        "router.post('/join', async (req, res) => {\n  await Member.create({ email: String(req.body.email), role: DEFAULT_ROLE, invitedBy: req.user.id });\n  res.end();\n});\n",
      ),
    ).toEqual([]);
    // An admin changing a member's role is an update, decided by the route's authorization.
    expect(
      labels(
        "router.patch('/members/:id/role', requireAdmin, async (req, res) => {\n  await Member.updateOne({ _id: String(req.params.id) }, { role: String(req.body.role) });\n  res.end();\n});\n",
      ),
    ).toEqual([]);
  });
});
