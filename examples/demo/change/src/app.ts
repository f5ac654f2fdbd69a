import express from "express";
import { searchRouter } from "./routes/search.js";
import { tasksRouter } from "./routes/tasks.js";

export const app = express();
app.use(express.json());
app.use("/tasks", tasksRouter);
app.use("/search", searchRouter);
