/** Builds the fixture pages once before the browser tests. */
import { buildFixtures } from '../fixtures/build';

export default async function setup(): Promise<void> {
  await buildFixtures();
}
