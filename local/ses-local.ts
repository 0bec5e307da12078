import type { Server } from 'node:http';
import * as sesModule from 'aws-ses-v2-local';

/** Starts aws-ses-v2-local (the local SES v2 server: web UI at `/`, sent e-mails at `/store`). */
export async function startSesLocal(port: number): Promise<{ url: string; stop: () => Promise<void> }> {
  // aws-ses-v2-local is CommonJS: its server is the default export.
  const sesLocal =
    ((sesModule as { default: unknown }).default as { default?: typeof sesModule.default }).default ??
    sesModule.default;
  const server = await sesLocal({ host: '127.0.0.1', port });
  return { url: `http://127.0.0.1:${port}`, stop: () => closeServer(server) };
}

export function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.closeAllConnections?.();
    server.close(() => resolve());
  });
}
