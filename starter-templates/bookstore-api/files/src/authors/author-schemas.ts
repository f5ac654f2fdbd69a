import { z } from "zod";

export const createAuthorSchema = z.strictObject({
  name: z.string().trim().min(1).max(200),
});

export type CreateAuthorInput = z.infer<typeof createAuthorSchema>;

export type Author = {
  id: number;
  name: string;
  createdAt: Date;
};
