#!/usr/bin/env node
import { helpText, parseCli } from './cli-args.js';
import { startServer } from './server.js';

const SHUTDOWN_GRACE_MS = 10_000;

async function main(): Promise<void> {
  const cli = parseCli(process.argv.slice(2), process.env);
  if (cli.help) {
    process.stdout.write(helpText());
    return;
  }
  const server = await startServer(cli.config);
  process.stdout.write(`flexiti-mock listening on ${server.url}\n`);

  let closing = false;
  const shutdown = (signal: string) => {
    if (closing) return;
    closing = true;
    server.app.log.info({ signal }, 'shutting down');
    setTimeout(() => {
      process.stderr.write('flexiti-mock: shutdown took longer than 10 s, exiting\n');
      process.exit(1);
    }, SHUTDOWN_GRACE_MS).unref();
    server.close().then(
      () => process.exit(0),
      (error: unknown) => {
        process.stderr.write(`flexiti-mock: error while closing: ${String(error)}\n`);
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));
}

main().catch((error: unknown) => {
  const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  process.stderr.write(`flexiti-mock: failed to start\n${message}\n`);
  process.exit(1);
});
