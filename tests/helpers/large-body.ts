// POSTs a large body of spaces in 256 KB writes, its length declared or sent chunked, and stops
// writing once the answer arrives: for checking that a server refuses a body without reading it.
// Shared by the vitest suites and the Playwright specs (plain node:http, no test runner).
import http from "node:http";

export interface LargePostOutcome {
  status: number;
  body: string;
  /** Bytes the client had written when the answer came. */
  written: number;
  seconds: number;
}

export function postLargeBody(url: string, total: number, options: { headers: Record<string, string>; declareLength: boolean }): Promise<LargePostOutcome> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    let written = 0;
    let answered = false;
    const headers = { "content-type": "application/json", ...options.headers, ...(options.declareLength ? { "content-length": String(total) } : {}) };
    const req = http.request(url, { method: "POST", headers }, (res) => {
      answered = true;
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (chunk: string) => (body += chunk));
      res.on("end", () => {
        resolve({ status: res.statusCode ?? 0, body, written, seconds: (performance.now() - started) / 1000 });
        req.destroy();
      });
    });
    req.on("error", (error) => (answered ? undefined : reject(error)));
    const chunk = Buffer.alloc(256 * 1024, 0x20);
    const pump = () => {
      while (!answered && written < total) {
        written += chunk.length;
        if (!req.write(chunk)) return void req.once("drain", pump);
      }
      if (!answered) req.end();
    };
    pump();
  });
}
