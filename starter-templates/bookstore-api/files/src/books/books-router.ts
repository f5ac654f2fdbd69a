import { Router } from "express";
import { notFound } from "../errors/http-error.js";
import { idParamsSchema } from "../http/id-params-schema.js";
import { pageOf } from "../http/pagination.js";
import type { BookRepository } from "./book-repository.js";
import { createBookSchema, listBooksQuerySchema, updateBookSchema } from "./book-schemas.js";

const bookNotFound = (id: number) => notFound(`Book ${id} does not exist.`);

export function booksRouter(books: BookRepository): Router {
  const router = Router();

  router.get("/books", async (req, res) => {
    const query = listBooksQuerySchema.parse(req.query);
    const result = await books.list(query);
    res.json(pageOf(result.books, query, result.total));
  });

  router.post("/books", async (req, res) => {
    const book = await books.create(createBookSchema.parse(req.body));
    res.status(201).location(`/books/${book.id}`).json(book);
  });

  router.get("/books/:id", async (req, res) => {
    const { id } = idParamsSchema.parse(req.params);
    const book = await books.findById(id);
    if (!book) throw bookNotFound(id);
    res.json(book);
  });

  router.patch("/books/:id", async (req, res) => {
    const { id } = idParamsSchema.parse(req.params);
    const book = await books.update(id, updateBookSchema.parse(req.body));
    if (!book) throw bookNotFound(id);
    res.json(book);
  });

  return router;
}
