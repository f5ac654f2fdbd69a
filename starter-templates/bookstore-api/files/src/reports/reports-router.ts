import { Router } from "express";
import type { Db } from "../db/db.js";
import { bestSellersQuerySchema } from "./best-sellers-query.js";
import { findBestSellers } from "./best-sellers.js";

export function reportsRouter(db: Db): Router {
  const router = Router();

  router.get("/reports/best-sellers", async (req, res) => {
    const query = bestSellersQuerySchema.parse(req.query);
    const months = await findBestSellers(db, query);
    res.json({ from: query.from, to: query.to, top: query.top, months });
  });

  return router;
}
