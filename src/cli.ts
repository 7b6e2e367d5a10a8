#!/usr/bin/env node
import { helpText, parseCli } from './cli-args.js';
import { startServer, type RunningServer } from './server.js';

const SHUTDOWN_GRACE_MS = 10_000;

async function main(): Promise<void> {
  const cli = parseCli(process.argv.slice(2), process.env);
  if (cli.help) {
    process.stdout.write(helpText());
    return;
  }

  // Handlers go in before listening, so a signal that arrives during or right after start-up
  // still ends in a clean close (contract C1).
  let server: RunningServer | undefined;
  let closing = false;
  const shutdown = () => {
    if (closing || !server) {
      closing = true;
      return;
    }
    closing = true;
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
  process.on('SIGTERM', shutdown);
  process.on('SIGINT', shutdown);

  server = await startServer(cli.config);
  process.stdout.write(`flexiti-mock listening on ${server.url}\n`);
  if (closing) {
    closing = false;
    shutdown();
  }
}

main().catch((error: unknown) => {
  const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  process.stderr.write(`flexiti-mock: failed to start\n${message}\n`);
  process.exit(1);
});
