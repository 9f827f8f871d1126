import { chooseGridWorker, DispatchCandidate, excludedWorkers } from './dispatch-rule';

const worker = (over: Partial<DispatchCandidate> & { id: string }): DispatchCandidate => ({
  gridId: 'g1',
  communityId: 'c1',
  streetId: 's1',
  onDuty: true,
  openTickets: 0,
  lastDispatchedAt: null,
  ...over,
});

const request = { gridId: 'g1', communityId: 'c1', streetId: 's1' };

describe('chooseGridWorker', () => {
  describe('驻点: a grievance logged at a station (a walk-in)', () => {
    const walkIn = { ...request, loggedAtStationId: 'st-1' };

    it('goes first to the on-duty grid worker posted at that station, though another is less loaded', () => {
      const candidates = [worker({ id: 'a', openTickets: 0 }), worker({ id: 'posted', openTickets: 4, stationId: 'st-1' }), worker({ id: 'elsewhere', stationId: 'st-2' })];
      expect(chooseGridWorker(walkIn, candidates)).toEqual({ kind: 'dispatch', gridWorkerId: 'posted', pool: 'grid', atStation: true });
      // The same grievance not logged at a station: the usual order.
      expect(chooseGridWorker(request, candidates)).toEqual({ kind: 'dispatch', gridWorkerId: 'a', pool: 'grid' });
    });

    it('prefers a worker posted there of another grid of the community or street over the grid\'s own', () => {
      const own = worker({ id: 'own' });
      const communityPosted = worker({ id: 'c-posted', gridId: 'g2', stationId: 'st-1', openTickets: 2 });
      const streetPosted = worker({ id: 's-posted', gridId: 'g3', communityId: 'c2', stationId: 'st-1' });
      expect(chooseGridWorker(walkIn, [own, streetPosted, communityPosted])).toEqual({ kind: 'dispatch', gridWorkerId: 'c-posted', pool: 'community', atStation: true });
      expect(chooseGridWorker(walkIn, [own, streetPosted])).toEqual({ kind: 'dispatch', gridWorkerId: 's-posted', pool: 'street', atStation: true });
    });

    it('among those posted there, the grid\'s own first, then by load', () => {
      const candidates = [
        worker({ id: 'p-community', gridId: 'g2', stationId: 'st-1' }),
        worker({ id: 'p-busy', stationId: 'st-1', openTickets: 3 }),
        worker({ id: 'p-free', stationId: 'st-1', openTickets: 1 }),
      ];
      expect(chooseGridWorker(walkIn, candidates)).toMatchObject({ gridWorkerId: 'p-free', pool: 'grid', atStation: true });
    });

    it('with none posted there on duty, excluded or within reach, follows the usual rule', () => {
      const offDuty = worker({ id: 'posted-off', stationId: 'st-1', onDuty: false });
      const lapsed = worker({ id: 'posted-lapsed', stationId: 'st-1' });
      const outOfReach = worker({ id: 'posted-far', gridId: 'g9', communityId: 'c9', streetId: 's9', stationId: 'st-1' });
      const usual = worker({ id: 'usual', openTickets: 2 });
      expect(chooseGridWorker({ ...walkIn, exclude: ['posted-lapsed'] }, [offDuty, lapsed, outOfReach, usual])).toEqual({ kind: 'dispatch', gridWorkerId: 'usual', pool: 'grid' });
      expect(chooseGridWorker(walkIn, [offDuty, outOfReach])).toMatchObject({ kind: 'none' });
    });
  });

  it('gives the ticket to the on-duty worker of the grid with the fewest open tickets', () => {
    const decision = chooseGridWorker(request, [
      worker({ id: 'a', openTickets: 3 }),
      worker({ id: 'b', openTickets: 1 }),
      worker({ id: 'c', openTickets: 0, onDuty: false }),
    ]);
    expect(decision).toEqual({ kind: 'dispatch', gridWorkerId: 'b', pool: 'grid' });
  });

  it('breaks ties by the longest idle, a never-dispatched worker first, then by id', () => {
    const recent = new Date('2026-01-01T10:00:00Z');
    const older = new Date('2026-01-01T08:00:00Z');
    expect(chooseGridWorker(request, [worker({ id: 'a', lastDispatchedAt: recent }), worker({ id: 'b', lastDispatchedAt: older })])).toMatchObject({
      gridWorkerId: 'b',
    });
    expect(chooseGridWorker(request, [worker({ id: 'a', lastDispatchedAt: older }), worker({ id: 'b', lastDispatchedAt: null })])).toMatchObject({
      gridWorkerId: 'b',
    });
    expect(chooseGridWorker(request, [worker({ id: 'b' }), worker({ id: 'a' })])).toMatchObject({ gridWorkerId: 'a' });
  });

  it('falls back to the community pool, then the street pool, when nobody of the grid is on duty', () => {
    const community = worker({ id: 'c-1', gridId: 'g2', openTickets: 5 });
    const street = worker({ id: 's-1', gridId: 'g3', communityId: 'c2', openTickets: 0 });
    const offDuty = worker({ id: 'g-1', onDuty: false });
    expect(chooseGridWorker(request, [offDuty, street, community])).toEqual({ kind: 'dispatch', gridWorkerId: 'c-1', pool: 'community' });
    expect(chooseGridWorker(request, [offDuty, street])).toEqual({ kind: 'dispatch', gridWorkerId: 's-1', pool: 'street' });
  });

  it('never picks a worker of another street, and says so when nobody is left', () => {
    const elsewhere = worker({ id: 'x', gridId: 'g9', communityId: 'c9', streetId: 's9' });
    const decision = chooseGridWorker(request, [elsewhere]);
    expect(decision.kind).toBe('none');
  });

  it('skips the workers who let the ticket lapse', () => {
    const decision = chooseGridWorker({ ...request, exclude: ['a'] }, [worker({ id: 'a' }), worker({ id: 'b', openTickets: 4 })]);
    expect(decision).toMatchObject({ gridWorkerId: 'b', pool: 'grid' });
    const none = chooseGridWorker({ ...request, exclude: ['a', 'b'] }, [worker({ id: 'a' }), worker({ id: 'b' })]);
    expect(none).toMatchObject({ kind: 'none' });
    expect(none.kind === 'none' && none.reason).toContain('excluding a, b');
  });

  it('does not treat a grid without community or street as sharing a null pool', () => {
    const decision = chooseGridWorker({ gridId: 'g1', communityId: null, streetId: null }, [
      worker({ id: 'n', gridId: 'g2', communityId: null, streetId: null }),
    ]);
    expect(decision.kind).toBe('none');
  });

  describe('a second check after the reporter contested an invalid verdict', () => {
    const contested = { lapsedWorkerIds: [], contestedVerdictBy: 'g-1' };

    it('goes to another on-duty worker of the same grid, never to the one who gave the verdict', () => {
      const candidates = [worker({ id: 'g-1', openTickets: 0 }), worker({ id: 'g-2', openTickets: 4 }), worker({ id: 'c-1', gridId: 'g2', openTickets: 0 })];
      expect(chooseGridWorker({ ...request, exclude: excludedWorkers(contested) }, candidates)).toEqual({ kind: 'dispatch', gridWorkerId: 'g-2', pool: 'grid' });
    });

    it('goes to the community, then the street, when the grid has nobody else on duty', () => {
      const community = worker({ id: 'c-1', gridId: 'g2' });
      const street = worker({ id: 's-1', gridId: 'g3', communityId: 'c2' });
      expect(chooseGridWorker({ ...request, exclude: excludedWorkers(contested) }, [worker({ id: 'g-1' }), worker({ id: 'g-2', onDuty: false }), community, street])).toEqual({
        kind: 'dispatch',
        gridWorkerId: 'c-1',
        pool: 'community',
      });
      expect(chooseGridWorker({ ...request, exclude: excludedWorkers(contested) }, [worker({ id: 'g-1' }), street])).toMatchObject({ gridWorkerId: 's-1', pool: 'street' });
      expect(chooseGridWorker({ ...request, exclude: excludedWorkers(contested) }, [worker({ id: 'g-1' })])).toEqual({
        kind: 'none',
        reason: 'no on-duty grid worker in grid g1, its community or its street (excluding g-1)',
      });
    });

    it('keeps excluding the verdict’s giver after a lapse, beside the workers who let it lapse', () => {
      expect(excludedWorkers({ lapsedWorkerIds: ['g-2', 'g-1'], contestedVerdictBy: 'g-1' })).toEqual(['g-2', 'g-1']);
      expect(excludedWorkers({ lapsedWorkerIds: ['g-2'], contestedVerdictBy: null })).toEqual(['g-2']);
    });
  });
});
