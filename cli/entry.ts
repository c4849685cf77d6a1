/** The bundled command's entry (scripts/build-cli.mjs): run `main` with the process's arguments. */
import { main } from './main';

process.exitCode = await main(process.argv.slice(2));
