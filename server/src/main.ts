import { runCli } from './cli';

runCli(process.argv.slice(2)).then(
  (code) => {
    if (code >= 0) process.exit(code);
  },
  (err: Error) => {
    console.error(`techserve: ${err.message}`);
    process.exit(1);
  },
);
