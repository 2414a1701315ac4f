import type http from 'node:http';
import { closeServer, listen } from './harness';

export interface Received {
  at: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** A stand-in for the app's webhook trigger: records each request and answers with the next scripted status. */
export async function startListener(statuses: number[], fallbackStatus = 200) {
  const received: Received[] = [];
  const { server, url } = await listen((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      received.push({ at: Date.now(), headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
      const status = statuses.shift() ?? fallbackStatus;
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(status < 300 ? { status: 'processed', issueKey: 'BILL-1' } : { error: 'try again' }));
    });
  });
  return { url: `${url}/webtrigger/wave-webhook`, received, close: () => closeServer(server) };
}
