import { type RequestHandler, Router } from "express";
import { z } from "zod";
import { currentUser } from "../auth/current-user.js";
import type { Queryable } from "../db/db.js";
import { notFound } from "../errors/http-error.js";
import { paginationSchema } from "../http/pagination.js";
import { parseInput } from "../http/parse-input.js";
import { deleteNote, findNote, insertNote, listNotes, updateNote } from "./note-repository.js";

const noteParams = z.object({ id: z.uuid() });
const title = z.string().trim().min(1).max(200);
const body = z.string().max(10_000);
const createNoteBody = z.strictObject({ title, body: body.default("") });
const updateNoteBody = z
  .strictObject({ title: title.optional(), body: body.optional() })
  .refine((changes) => changes.title !== undefined || changes.body !== undefined, {
    message: "Send at least one of title or body",
  });

/**
 * A signed-in user's own notes. Another user's note answers 404, exactly like a missing one, so
 * ids cannot be probed.
 */
export function noteRoutes(db: Queryable, authenticate: RequestHandler): Router {
  const router = Router();
  router.use("/notes", authenticate);

  router.get("/notes", async (req, res) => {
    const page = parseInput(paginationSchema, req.query, "query");
    const { notes, total } = await listNotes(db, currentUser(res).id, page);
    res.json({ notes, page: { ...page, total } });
  });

  router.post("/notes", async (req, res) => {
    const input = parseInput(createNoteBody, req.body, "body");
    const note = await insertNote(db, currentUser(res).id, input.title, input.body);
    res.status(201).location(`/notes/${note.id}`).json({ note });
  });

  router.get("/notes/:id", async (req, res) => {
    const { id } = parseInput(noteParams, req.params, "params");
    const note = await findNote(db, currentUser(res).id, id);
    if (note === undefined) {
      throw notFound("Note was not found");
    }
    res.json({ note });
  });

  router.patch("/notes/:id", async (req, res) => {
    const { id } = parseInput(noteParams, req.params, "params");
    const changes = parseInput(updateNoteBody, req.body, "body");
    const note = await updateNote(db, currentUser(res).id, id, changes);
    if (note === undefined) {
      throw notFound("Note was not found");
    }
    res.json({ note });
  });

  router.delete("/notes/:id", async (req, res) => {
    const { id } = parseInput(noteParams, req.params, "params");
    if (!(await deleteNote(db, currentUser(res).id, id))) {
      throw notFound("Note was not found");
    }
    res.status(204).end();
  });

  return router;
}
