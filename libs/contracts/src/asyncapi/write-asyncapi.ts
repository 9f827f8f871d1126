import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { buildAsyncApi } from './build-asyncapi';

export const ASYNCAPI_PATH = join(__dirname, '..', '..', 'asyncapi.yaml');

export const renderAsyncApi = (): string => stringify(buildAsyncApi(), { aliasDuplicateObjects: false });

if (require.main === module) {
  writeFileSync(ASYNCAPI_PATH, renderAsyncApi());
  console.log(`wrote ${ASYNCAPI_PATH}`);
}
