import express from "express";
import { tasksRouter } from "./routes/tasks.js";

export const app = express();
app.use(express.json());
app.use("/tasks", tasksRouter);
