import {
  hasFilters,
  overviewQueryOf,
  ownerRefOf,
  withOverviewParams,
  withoutFilters,
} from './overviewSearch';

const params = (text: string) => new URLSearchParams(text);

describe('overviewQueryOf', () => {
  it('asks for the first page of 50 without parameters', () => {
    expect(overviewQueryOf(params(''))).toEqual({
      offset: 0,
      limit: 50,
      party: undefined,
      owner: undefined,
      environment: undefined,
      q: undefined,
      status: undefined,
    });
  });

  it('reads every parameter under the backend’s name', () => {
    expect(
      overviewQueryOf(
        params(
          'offset=100&limit=25&party=platform&owner=group:default/platform-team&environment=production&q=%20orders%20&status=has-p1,%20backup-breached',
        ),
      ),
    ).toEqual({
      offset: 100,
      limit: 25,
      party: 'platform',
      owner: 'group:default/platform-team',
      environment: 'production',
      q: 'orders',
      status: ['has-p1', 'backup-breached'],
    });
  });

  it('falls back to the first page for paging that is no whole number, and passes other values on for the backend to judge', () => {
    const query = overviewQueryOf(
      params('offset=-5&limit=many&status=has-p1,on-fire&party=%20'),
    );
    expect(query).toMatchObject({ offset: 0, limit: 50, party: undefined });
    expect(query.status).toEqual(['has-p1', 'on-fire']);
    expect(overviewQueryOf(params('limit=500')).limit).toBe(500);
  });
});

describe('ownerRefOf', () => {
  it('completes a group name to a full ref and keeps full refs', () => {
    expect(ownerRefOf('platform-team')).toBe('group:default/platform-team');
    expect(ownerRefOf('user:default/jane')).toBe('user:default/jane');
    expect(ownerRefOf('Group:Ops/sre')).toBe('group:ops/sre');
  });

  it('keeps text that is no ref as written', () => {
    expect(ownerRefOf('a:b:c/d/e')).toBe('a:b:c/d/e');
  });
});

describe('withOverviewParams', () => {
  it('sets and removes filters and goes back to the first page', () => {
    const next = withOverviewParams(
      params('offset=50&party=platform&q=orders&other=kept'),
      { environment: 'production', q: '' },
    );
    expect(next.toString()).toBe(
      'party=platform&other=kept&environment=production',
    );
  });

  it('keeps the offset when it is what changes', () => {
    expect(
      withOverviewParams(params('party=platform'), {
        offset: '50',
      }).toString(),
    ).toBe('party=platform&offset=50');
  });

  it('clears every filter but keeps other parameters', () => {
    const search = params(
      'party=platform&owner=x&environment=staging&q=db&status=has-p1&offset=50&limit=100',
    );
    expect(hasFilters(search)).toBe(true);
    const cleared = withoutFilters(search);
    expect(cleared.toString()).toBe('limit=100');
    expect(hasFilters(cleared)).toBe(false);
  });
});
