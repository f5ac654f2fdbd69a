import { type RequestHandler, Router } from "express";
import { z } from "zod";
import { currentUser } from "../auth/current-user.js";
import { requireRole } from "../auth/require-role.js";
import type { Queryable } from "../db/db.js";
import { HttpError, notFound } from "../errors/http-error.js";
import { paginationSchema } from "../http/pagination.js";
import { parseInput } from "../http/parse-input.js";
import { ROLES } from "./user.js";
import { listUsers, setUserRole } from "./user-repository.js";

const userParams = z.object({ id: z.uuid() });
const roleBody = z.strictObject({ role: z.enum(ROLES) });

/** Routes for administrators: every one needs a signed-in user with the admin role. */
export function adminRoutes(db: Queryable, authenticate: RequestHandler): Router {
  const router = Router();
  router.use("/admin", authenticate, requireRole("admin"));

  router.get("/admin/users", async (req, res) => {
    const page = parseInput(paginationSchema, req.query, "query");
    const { users, total } = await listUsers(db, page);
    res.json({ users, page: { ...page, total } });
  });

  router.patch("/admin/users/:id/role", async (req, res) => {
    const { id } = parseInput(userParams, req.params, "params");
    const { role } = parseInput(roleBody, req.body, "body");
    if (id === currentUser(res).id) {
      // Stops an admin from removing their own access by mistake (and leaving no admin at all).
      throw new HttpError(409, "cannot_change_own_role", "Ask another admin to change your role");
    }
    const user = await setUserRole(db, id, role);
    if (user === undefined) {
      throw notFound("User was not found");
    }
    res.json({ user });
  });

  return router;
}
