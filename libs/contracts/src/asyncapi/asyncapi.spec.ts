import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { CATALOGUE_TOPICS } from '../topics';
import { ASYNCAPI_PATH, renderAsyncApi } from './write-asyncapi';

describe('the AsyncAPI document', () => {
  it('is the one generated from the contracts (run npm run contracts:asyncapi after a change)', () => {
    expect(readFileSync(ASYNCAPI_PATH, 'utf8')).toBe(renderAsyncApi());
  });

  it('lists every catalogue topic with a payload schema it defines', () => {
    const doc = parse(renderAsyncApi());
    const addresses = Object.values(doc.channels as Record<string, { address: string }>).map((c) => c.address);
    expect(addresses).toEqual(expect.arrayContaining([...CATALOGUE_TOPICS, 'department.<code>.issues.v1']));
    for (const message of Object.values(doc.components.messages as Record<string, { payload: { allOf: { properties?: { payload?: { $ref: string } } }[] } }>)) {
      const ref = message.payload.allOf[1]!.properties!.payload!.$ref.split('/').pop()!;
      expect(doc.components.schemas[ref]).toBeDefined();
    }
  });
});
