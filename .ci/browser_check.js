// Drives headless Chromium through classic Jupyter Notebook for .ci/browser-check.sh: runs notebook 00 and a
// cell that prints 20,000 lines, checks what the page shows, and saves a screenshot of each.
// Usage: node browser_check.js BASE_URL TOKEN OUT_DIR STARTED (seconds since 1970, when the check began)
'use strict';
const fs = require('fs');
const path = require('path');
const puppeteer = require('puppeteer-core');

const [base, token, outDir, started] = process.argv.slice(2);
const chromium = process.env.CHROMIUM || '/usr/bin/chromium';

class CheckFailed extends Error {}

function check(ok, sentence) {
  if (!ok) throw new CheckFailed(sentence);
}

const secondsSince = (start) => ((Date.now() - start) / 1000).toFixed(1);

async function waitForServer() {
  const until = Date.now() + 60_000;
  while (Date.now() < until) {
    try {
      if ((await fetch(`${base}/api/status?token=${token}`)).ok) return;
    } catch (e) {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new CheckFailed(`the notebook server did not answer at ${base} within 60 s (its log: ${outDir}/server.log)`);
}

async function waitFor(page, condition, ms, sentence) {
  try {
    await page.waitForFunction(condition, { timeout: ms, polling: 250 });
  } catch (e) {
    throw e.name === 'TimeoutError' ? new CheckFailed(sentence) : e;
  }
}

// In the page: the notebook is loaded, its kernel connected, and the kernel indicator shows idle.
const kernelIdle = () => typeof Jupyter !== 'undefined' && Jupyter.notebook && Jupyter.notebook._fully_loaded
  && Jupyter.notebook.kernel && Jupyter.notebook.kernel.is_connected()
  && document.querySelector('#kernel_indicator_icon.kernel_idle_icon') !== null;

// In the page: no cell is running or waiting to run ('*' as its prompt), and the kernel indicator shows idle.
const runFinished = () => Jupyter.notebook.get_cells().every((c) => c.input_prompt_number !== '*')
  && document.querySelector('#kernel_indicator_icon.kernel_idle_icon') !== null;

// Opens a notebook and waits for its kernel.
async function openNotebook(browser, file) {
  const page = await browser.newPage();
  await page.setViewport({ width: 1280, height: 900 });
  await page.goto(`${base}/notebooks/${file}?token=${token}`, { waitUntil: 'domcontentloaded' });
  await waitFor(page, kernelIdle, 120_000, `the kernel of ${file} was not idle within 120 s of opening the page`);
  return page;
}

// Runs all cells (Cell > Run All), waits until they have run, and says how many seconds that took.
async function runAll(page, file, limitSeconds) {
  const start = Date.now();
  await page.evaluate(() => Jupyter.notebook.execute_all_cells());
  await waitFor(page, runFinished, limitSeconds * 1000,
    `the cells of ${file} had not all run, with the kernel indicator back to idle, within ${limitSeconds} s`);
  return secondsSince(start);
}

// Each code cell's errors and whether it ran (has an execution count).
async function cellReport(page) {
  return page.evaluate(() => Jupyter.notebook.get_cells()
    .map((c, i) => ({ cell: c, number: i + 1 }))
    .filter(({ cell }) => cell.cell_type === 'code' && cell.get_text().trim() !== '')
    .map(({ cell, number }) => ({
      number,
      firstLine: cell.get_text().split('\n')[0],
      ran: typeof cell.input_prompt_number === 'number',
      errors: cell.output_area.outputs.filter((o) => o.output_type === 'error').map((o) => `${o.ename}: ${o.evalue}`),
    })));
}

// Classic Notebook scrolls inside #site, so a full-page screenshot needs the page to take its whole height.
async function screenshot(page, file) {
  await page.addStyleTag({ content: 'body, #site { position: static !important; height: auto !important; overflow: visible !important; }' });
  await page.screenshot({ path: path.join(outDir, file), fullPage: true });
}

// In the page: scrolls the long output's box so that the kernel's notice shows in its middle.
const showNotice = () => {
  const box = document.querySelector('.output_scroll') || document.querySelector('.output_area');
  const walker = document.createTreeWalker(box, NodeFilter.SHOW_TEXT);
  while (walker.nextNode()) {
    const at = walker.currentNode.data.indexOf('This cell printed more than');
    if (at >= 0) {
      const range = document.createRange();
      range.setStart(walker.currentNode, at);
      range.setEnd(walker.currentNode, at + 1);
      box.scrollTop += range.getBoundingClientRect().top - box.getBoundingClientRect().top - box.clientHeight / 2;
      return;
    }
  }
};

async function main() {
  await waitForServer();
  const browser = await puppeteer.launch({ executablePath: chromium, headless: true, args: ['--no-sandbox', '--headless=new'] });
  let page;
  try {
    page = await openNotebook(browser, '00-java-notebooks-tour.ipynb');
    const tourSeconds = await runAll(page, '00-java-notebooks-tour.ipynb', 300);
    const cells = await cellReport(page);
    for (const c of cells) {
      check(c.errors.length === 0, `cell ${c.number} of notebook 00 ("${c.firstLine}") gave an error: ${c.errors[0]}`);
      check(c.ran, `cell ${c.number} of notebook 00 ("${c.firstLine}") has no execution count, so it did not run`);
    }
    const images = await page.$$eval('.output_area img[src^="data:image/png"]', (found) => found.length);
    const tables = await page.$$eval('.output_area table', (found) => found.length);
    check(images > 0, 'notebook 00 shows no PNG image (<img src="data:image/png...">) in its outputs');
    check(tables > 0, 'notebook 00 shows no <table> in its outputs');
    await screenshot(page, 'notebook-00.png');
    await page.close();

    page = await openNotebook(browser, 'print-20000-lines.ipynb');
    const floodSeconds = await runAll(page, 'print-20000-lines.ipynb', 60);
    const text = await page.$$eval('.output_area', (areas) => areas.map((a) => a.innerText).join('\n'));
    check(/^line 0$/m.test(text), 'the 20,000-line cell does not show its first line, "line 0"');
    check(/^line 19999$/m.test(text), 'the 20,000-line cell does not show its last line, "line 19999"');
    check(/lines \([\d,]+ characters\) left out here/.test(text),
      'the 20,000-line cell does not show the kernel\'s notice of the lines left out');
    check(!/IOPub (message|data) rate exceeded/.test(text), 'the page says Jupyter\'s IOPub rate was exceeded');
    check(!/rate exceeded/.test(fs.readFileSync(path.join(outDir, 'server.log'), 'utf8')),
      'the notebook server\'s log says an IOPub rate was exceeded');
    await page.evaluate(showNotice);
    await screenshot(page, 'print-20000-lines.png');

    const total = (Date.now() / 1000 - Number(started)).toFixed(0);
    console.log(`browser-check: ok (notebook 00: ${cells.length} code cells ran in ${tourSeconds} s, ${images} PNG images,`
      + ` ${tables} tables; 20,000 lines: head, notice and tail shown, idle ${floodSeconds} s after Run All;`
      + ` ${total} s in all; screenshots in ${outDir})`);
  } catch (e) {
    if (page && !page.isClosed()) await page.screenshot({ path: path.join(outDir, 'failure.png') }).catch(() => {});
    throw e;
  } finally {
    await browser.close();
  }
}

main().catch((e) => {
  console.error(e instanceof CheckFailed ? `browser-check: ${e.message}.` : `browser-check: the check itself broke: ${e.stack}`);
  process.exit(1);
});
