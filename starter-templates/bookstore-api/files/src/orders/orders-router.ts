import { Router } from "express";
import type { CustomerRepository } from "../customers/customer-repository.js";
import type { Db } from "../db/db.js";
import { notFound } from "../errors/http-error.js";
import { idParamsSchema } from "../http/id-params-schema.js";
import { pageOf, paginationSchema } from "../http/pagination.js";
import type { OrderRepository } from "./order-repository.js";
import { placeOrderSchema } from "./order-schemas.js";
import { placeOrder } from "./place-order.js";

export function ordersRouter(db: Db, orders: OrderRepository, customers: CustomerRepository): Router {
  const router = Router();

  router.post("/orders", async (req, res) => {
    const order = await placeOrder(db, orders, placeOrderSchema.parse(req.body));
    req.log.info({ orderId: order.id, totalCents: order.totalCents }, "Order placed");
    res.status(201).location(`/orders/${order.id}`).json(order);
  });

  router.get("/orders/:id", async (req, res) => {
    const { id } = idParamsSchema.parse(req.params);
    const order = await orders.findById(id);
    if (!order) throw notFound(`Order ${id} does not exist.`);
    res.json(order);
  });

  router.get("/customers/:id/orders", async (req, res) => {
    const { id } = idParamsSchema.parse(req.params);
    const page = paginationSchema.parse(req.query);
    if (!(await customers.findById(id))) throw notFound(`Customer ${id} does not exist.`);
    const result = await orders.listByCustomer(id, page);
    res.json(pageOf(result.orders, page, result.total));
  });

  return router;
}
