import { z } from "zod";

export const createCustomerSchema = z.strictObject({
  email: z.email().max(320),
  name: z.string().trim().min(1).max(200),
});

export type CreateCustomerInput = z.infer<typeof createCustomerSchema>;

export type Customer = {
  id: number;
  email: string;
  name: string;
  createdAt: Date;
};
