import { appsLanguage } from './apps-language';
import { type AppsLaunchPage, htmlText, jsString, renderAppsLaunchPage } from './apps-launch-page';

const page = (over: Partial<AppsLaunchPage> = {}): AppsLaunchPage => ({
  storagePath: '/media',
  title: 'Ocean Pearl',
  game: 'a_op',
  billing: '1024',
  token: 'tok',
  kf: 100,
  kfList: [1, 5, 10],
  currency: 'RUB',
  language: 'ru_RU',
  homePage: '/',
  ...over,
});

/** Evaluates the page's config object literal, as the browser would. */
function configOf(html: string): Record<string, unknown> {
  const literal = /var config = (\{[\s\S]*?\});\n<\/script>/.exec(html)![1];
  // eslint-disable-next-line @typescript-eslint/no-implied-eval
  return new Function(`return ${literal};`)() as Record<string, unknown>;
}

describe('apps launch page', () => {
  it('jsString never lets a value end the script element or break the line', () => {
    const hostile = '"</script><script>alert(1)</script>\u2028\u2029&\\';
    const literal = jsString(hostile);
    expect(literal).not.toMatch(/[<>&\u2028\u2029]/);
    // eslint-disable-next-line @typescript-eslint/no-implied-eval
    expect(new Function(`return ${literal};`)()).toBe(hostile);
  });

  it('htmlText escapes the five HTML specials', () => {
    expect(htmlText(`<a href="x" title='y'>&</a>`)).toBe(
      '&#60;a href=&#34;x&#34; title=&#39;y&#39;&#62;&#38;&#60;/a&#62;',
    );
  });

  it('renders the spec loader scripts under the storage path and a config that reads back exactly', () => {
    const hostile = page({
      storagePath: 'https://cdn.example.com/media/"><script>x()</script>/',
      title: '<b>Pearl</b>',
      homePage: 'https://casino.example.com/?q=\'"</script>',
      token: 'a|b|c',
    });
    const html = renderAppsLaunchPage(hostile);
    expect(html.match(/<script/g)).toHaveLength(3);
    expect(html).toContain('<title>&#60;b&#62;Pearl&#60;/b&#62;</title>');
    expect(html).toContain(
      'src="https://cdn.example.com/media/&#34;&#62;&#60;script&#62;x()&#60;/script&#62;/prod_flash_data.js"',
    );
    expect(configOf(html)).toEqual({
      path: 'https://cdn.example.com/media/"><script>x()</script>/',
      game: 'a_op',
      billing: '1024',
      token: 'a|b|c',
      kf: '100',
      kf_list: [1, 5, 10],
      currency: 'RUB',
      language: 'ru_RU',
      home_page: 'https://casino.example.com/?q=\'"</script>',
    });
  });

  it('a relative storage path (the spec default /media) is kept relative', () => {
    const html = renderAppsLaunchPage(page({ storagePath: '/media' }));
    expect(html).toContain('<script src="/media/loader/build/app.js"></script>');
    expect(configOf(html).path).toBe('/media/');
  });
});

describe('appsLanguage', () => {
  it.each([
    ['en', 'en_US'],
    ['en-GB', 'en_US'],
    ['RU', 'ru_RU'],
    ['es', 'es_ES'],
    ['pt', 'pt_PT'],
    ['pt-BR', 'pt_BR'],
    ['pt_br', 'pt_BR'],
    ['pt-PT', 'pt_PT'],
    ['fr-CA', 'fr_FR'],
    ['de', 'en_US'],
  ])('%s → %s', (tag, expected) => {
    expect(appsLanguage(tag)).toBe(expected);
  });
});
