import { Router } from "express";
import { notFound } from "../errors/http-error.js";
import { idParamsSchema } from "../http/id-params-schema.js";
import type { CustomerRepository } from "./customer-repository.js";
import { createCustomerSchema } from "./customer-schemas.js";

export function customersRouter(customers: CustomerRepository): Router {
  const router = Router();

  router.post("/customers", async (req, res) => {
    const customer = await customers.create(createCustomerSchema.parse(req.body));
    res.status(201).location(`/customers/${customer.id}`).json(customer);
  });

  router.get("/customers/:id", async (req, res) => {
    const { id } = idParamsSchema.parse(req.params);
    const customer = await customers.findById(id);
    if (!customer) throw notFound(`Customer ${id} does not exist.`);
    res.json(customer);
  });

  return router;
}
