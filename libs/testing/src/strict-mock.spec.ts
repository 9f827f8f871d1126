import { fixedClock, payloadsOn, recordingOutbox, recordingTransaction, strictMock, UnstubbedMemberError } from './unit';

interface Shelf {
  count: number;
  find(id: string): Promise<string | null>;
  save(id: string, value: string): Promise<void>;
}

describe('strictMock', () => {
  it('runs a stubbed method and records its calls', async () => {
    const shelf = strictMock<Shelf>({ find: async (id) => `book ${id}` }, 'shelf');
    await expect(shelf.find('7')).resolves.toBe('book 7');
    expect(shelf.find).toHaveBeenCalledWith('7');
    expect(shelf.find).toHaveBeenCalledTimes(1);
  });

  it('keeps a jest.fn given as a stub, so the test can change its answer', async () => {
    const find = jest.fn().mockResolvedValue(null);
    const shelf = strictMock<Shelf>({ find });
    expect(shelf.find).toBe(find);
    find.mockResolvedValueOnce('late edition');
    await expect(shelf.find('1')).resolves.toBe('late edition');
  });

  it('refuses a method the test did not stub, naming it', () => {
    const shelf = strictMock<Shelf>({ find: async () => null }, 'shelf');
    expect(() => shelf.save('1', 'x')).toThrow(UnstubbedMemberError);
    expect(() => shelf.save('1', 'x')).toThrow('shelf.save was used, but the test gave no stub for it');
  });

  it('refuses to read a property the test did not give', () => {
    const shelf = strictMock<Shelf>({}, 'shelf');
    expect(() => shelf.count).toThrow('shelf.count was used');
    expect(strictMock<Shelf>({ count: 3 }).count).toBe(3);
  });

  it('fails an async use case at the unexpected call, as a rejection naming the member', async () => {
    const shelf = strictMock<Shelf>({ find: async () => 'x' }, 'shelf');
    const useCase = async () => {
      await shelf.find('1');
      await shelf.save('1', 'y');
    };
    await expect(useCase()).rejects.toThrow('shelf.save was used');
  });

  it('can be awaited, compared and printed by jest like a plain object', async () => {
    const shelf = strictMock<Shelf>({ count: 1 }, 'shelf');
    await expect(Promise.resolve(shelf)).resolves.toBe(shelf);
    expect(shelf).toEqual(shelf);
    expect(String(shelf)).toBe('[object Object]');
    const spy = jest.fn();
    spy(shelf);
    expect(spy).toHaveBeenCalledWith(shelf);
  });
});

describe('the recording outbox', () => {
  it('runs each unit of work in one transaction that keeps what it published, in order', async () => {
    const { outbox, tx } = recordingOutbox();
    const result = await outbox.run(async (t) => {
      await t.publish('grievance.accepted.v1', { payload: { holder: { id: 'a' } } } as never);
      await t.publishMany([{ topic: 'sla.warned.v1', envelope: { payload: { deadlineId: 'd' } } as never }]);
      return 'done';
    });
    expect(result).toBe('done');
    expect(tx.events.map((e) => e.topic)).toEqual(['grievance.accepted.v1', 'sla.warned.v1']);
    expect(payloadsOn(tx, 'sla.warned.v1')).toEqual([{ deadlineId: 'd' }]);
    expect(outbox.run).toHaveBeenCalledTimes(1);
  });

  it('gives a manager that refuses direct database use', () => {
    const tx = recordingTransaction();
    expect(() => (tx.manager as unknown as { query(sql: string): unknown }).query('SELECT 1')).toThrow('tx.manager.query was used');
  });
});

describe('fixedClock', () => {
  it('says the same instant until the test moves it', () => {
    const clock = fixedClock('2026-11-23T01:00:00Z');
    expect(clock.now().toISOString()).toBe('2026-11-23T01:00:00.000Z');
    expect(clock.now()).toEqual(clock.now());
    clock.now.mockReturnValue(new Date('2026-11-24T01:00:00Z'));
    expect(clock.now().toISOString()).toBe('2026-11-24T01:00:00.000Z');
  });
});

describe('@grievance/testing/unit', () => {
  it('loads no database, broker or Nest client into a unit test (the package index does)', () => {
    const loaded = Object.keys(require.cache).filter((path) => /node_modules\/(pg|kafkajs|typeorm|ioredis|bullmq|@nestjs\/core)\//.test(path));
    expect(loaded).toEqual([]);
  });
});
