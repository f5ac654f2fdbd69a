import { Router } from "express";
import { notFound } from "../errors/http-error.js";
import { idParamsSchema } from "../http/id-params-schema.js";
import { pageOf, paginationSchema } from "../http/pagination.js";
import type { AuthorRepository } from "./author-repository.js";
import { createAuthorSchema } from "./author-schemas.js";

const authorNotFound = (id: number) => notFound(`Author ${id} does not exist.`);

export function authorsRouter(authors: AuthorRepository): Router {
  const router = Router();

  router.get("/authors", async (req, res) => {
    const page = paginationSchema.parse(req.query);
    const result = await authors.list(page);
    res.json(pageOf(result.authors, page, result.total));
  });

  router.post("/authors", async (req, res) => {
    const author = await authors.create(createAuthorSchema.parse(req.body));
    res.status(201).location(`/authors/${author.id}`).json(author);
  });

  router.get("/authors/:id", async (req, res) => {
    const { id } = idParamsSchema.parse(req.params);
    const author = await authors.findById(id);
    if (!author) throw authorNotFound(id);
    res.json(author);
  });

  router.delete("/authors/:id", async (req, res) => {
    const { id } = idParamsSchema.parse(req.params);
    if (!(await authors.remove(id))) throw authorNotFound(id);
    res.status(204).end();
  });

  return router;
}
