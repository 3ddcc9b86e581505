import http from 'node:http';

export interface ListeningServer {
  server: http.Server;
  /**
   * Stops accepting connections and lets the requests in flight finish; after `graceMs` the
   * connections still open are cut. Resolves once every connection is closed.
   */
  drain(graceMs: number): Promise<'drained' | 'cut'>;
}

/** Listens on the configured address; a port in use is said in words an operator can act on. */
export function listen(app: http.RequestListener, port: number, host: string): Promise<ListeningServer> {
  const server = http.createServer(app);
  const answering = new Set<http.ServerResponse>();
  let draining = false;
  // Once draining, every answer closes its connection: keep-alive clients reconnect to another
  // instance (or find the port closed) instead of holding this process open.
  const closeAfterAnswer = (res: http.ServerResponse) => {
    if (!res.headersSent) res.setHeader('Connection', 'close');
  };
  server.on('request', (_req: http.IncomingMessage, res: http.ServerResponse) => {
    answering.add(res);
    if (draining) closeAfterAnswer(res);
    res.on('close', () => {
      answering.delete(res);
      if (draining) setImmediate(() => server.closeIdleConnections());
    });
  });

  const drain = (graceMs: number) =>
    new Promise<'drained' | 'cut'>((resolve, reject) => {
      draining = true;
      answering.forEach(closeAfterAnswer);
      const deadline = setTimeout(() => {
        server.closeAllConnections();
        resolve('cut');
      }, graceMs);
      server.close((error) => {
        clearTimeout(deadline);
        if (error && (error as NodeJS.ErrnoException).code !== 'ERR_SERVER_NOT_RUNNING') reject(error);
        else resolve('drained');
      });
      server.closeIdleConnections();
    });

  return new Promise((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) =>
      reject(error.code === 'EADDRINUSE' ? new Error(`PORT ${port} is already in use; set PORT to a free port.`) : error),
    );
    server.listen(port, host, () => resolve({ server, drain }));
  });
}
