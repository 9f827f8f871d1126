import { validateAppeal, validateHazard, validateWalkIn, validatePhoto, validateResolution, validateText, validateVerify, VERIFY_MAX_DISTANCE_M } from './validation';

const labels = { title: 'Title', description: 'Description', address: 'Address' };
const good = { category: 'manhole_cover_missing', title: 'Hole', description: 'Open hole', location: { lat: 28.66, lng: 115.82 } };

describe('the forms\' own checks (nothing is sent while any fails)', () => {
  it('a complete hazard report passes', () => {
    expect(validateHazard(good, labels)).toEqual({});
  });

  it('an empty hazard report names the category, title, description and place', () => {
    expect(validateHazard({ title: '  ' }, labels)).toEqual({
      category: { key: 'validation.category' },
      title: { key: 'validation.required', values: { field: 'Title' } },
      description: { key: 'validation.required', values: { field: 'Description' } },
      location: { key: 'validation.place' },
    });
  });

  it('too long a title or address is named with its limit', () => {
    const problems = validateHazard({ ...good, title: 'x'.repeat(201), address: 'y'.repeat(301) }, labels);
    expect(problems.title).toEqual({ key: 'validation.tooLong', values: { field: 'Title', max: 200 } });
    expect(problems.address).toEqual({ key: 'validation.tooLong', values: { field: 'Address', max: 300 } });
  });

  it('a walk-in needs the worker, their consent, and a phone only if one is given', () => {
    const walkInLabels = { ...labels, workerId: 'Worker id', workerPhone: 'Phone' };
    const appeal = { category: 'pay_dispute', title: 'Pay', description: 'Three weeks withheld' };
    expect(validateWalkIn({ ...appeal, workerId: 'rider-1', consentGiven: true, consentMethod: 'verbal' }, walkInLabels)).toEqual({});
    expect(validateWalkIn({ ...appeal, workerId: 'rider-1', workerPhone: '138 1234 5678', consentGiven: true }, walkInLabels)).toEqual({});
    expect(validateWalkIn(appeal, walkInLabels)).toEqual({
      workerId: { key: 'validation.required', values: { field: 'Worker id' } },
      consentGiven: { key: 'validation.consent' },
    });
    expect(validateWalkIn({ ...appeal, workerId: 'rider 1', workerPhone: 'ring the station', consentGiven: false }, walkInLabels)).toEqual({
      workerId: { key: 'validation.workerId' },
      workerPhone: { key: 'validation.phone', values: { field: 'Phone' } },
      consentGiven: { key: 'validation.consent' },
    });
  });

  it('an appeal needs a category, a title and what happened', () => {
    expect(Object.keys(validateAppeal({}, labels))).toEqual(['category', 'title', 'description']);
    expect(validateAppeal({ category: 'pay_dispute', title: 'Pay', description: 'Three weeks withheld' }, labels)).toEqual({});
  });

  it('a photo must be JPEG, PNG or WebP of at most 10 MB', () => {
    expect(validatePhoto({ type: 'image/png', size: 1000 })).toBeUndefined();
    expect(validatePhoto({ type: 'image/gif', size: 1000 })).toEqual({ key: 'validation.photoType' });
    expect(validatePhoto({ type: 'image/jpeg', size: 10 * 1024 * 1024 + 1 })).toEqual({ key: 'validation.photoSize' });
  });

  it('a confirming check farther than 200 m from the report is refused before it is sent; an invalid one is not held to it', () => {
    const draft = { verdict: 'confirmed' as const, note: 'Seen', position: { lat: 28.66, lng: 115.82 } };
    const verifyLabels = { note: 'Note', verdict: 'Verdict' };
    expect(validateVerify(draft, verifyLabels, 150)).toEqual({});
    expect(validateVerify(draft, verifyLabels, 260.4).position).toEqual({ key: 'grid.tooFar', values: { metres: 260, limit: VERIFY_MAX_DISTANCE_M } });
    expect(validateVerify({ ...draft, verdict: 'invalid' }, verifyLabels, 900)).toEqual({});
  });

  it('a duplicate verdict needs the id of the grievance it repeats, and a check needs a position', () => {
    const problems = validateVerify({ verdict: 'duplicate', note: 'Same hole', duplicateOf: 'not-a-uuid' }, { note: 'Note', verdict: 'Verdict' }, undefined);
    expect(problems).toEqual({ position: { key: 'validation.place' }, duplicateOf: { key: 'validation.uuid' } });
  });

  it('a resolution must say what was done', () => {
    expect(validateResolution(' ', 'Resolution')).toEqual({ resolution: { key: 'validation.required', values: { field: 'Resolution' } } });
    expect(validateResolution('New cover fitted', 'Resolution')).toEqual({});
  });

  it('a rung\'s reason or question is required, a note to a department is not; both are capped', () => {
    expect(validateText('', 'Reason', true, 2000, 'text')).toEqual({ text: { key: 'validation.required', values: { field: 'Reason' } } });
    expect(validateText('', 'Note', false, 2000, 'text')).toEqual({});
    expect(validateText('x'.repeat(2001), 'Note', false, 2000, 'text')).toEqual({ text: { key: 'validation.tooLong', values: { field: 'Note', max: 2000 } } });
  });
});
