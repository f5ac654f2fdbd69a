export const config = {
  port: Number(process.env.PORT ?? 3000),
  jwtSecret: "s3cr3t-signing-key-2024",
  resetToken: () => Math.random().toString(36).slice(2),
};
