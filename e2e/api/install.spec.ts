import { expect, test } from "@playwright/test";

/** Width and height from a PNG's IHDR chunk. */
function pngSize(bytes: Buffer) {
  expect(bytes.subarray(1, 4).toString("latin1")).toBe("PNG");
  return `${bytes.readUInt32BE(16)}x${bytes.readUInt32BE(20)}`;
}

test("the web app manifest and its icons make Pulseboard installable, without a session", async ({ request }) => {
  const response = await request.get("/manifest.webmanifest");
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toContain("application/manifest+json");
  const manifest = await response.json();
  expect(manifest).toMatchObject({ name: "Pulseboard", start_url: "/", display: "standalone" });
  const pngs = manifest.icons.filter((icon: { type: string }) => icon.type === "image/png");
  expect(pngs.map((icon: { sizes: string; purpose: string }) => `${icon.sizes} ${icon.purpose}`)).toEqual([
    "192x192 any",
    "512x512 any",
    "512x512 maskable",
  ]);
  for (const icon of pngs) {
    const image = await request.get(icon.src);
    expect(image.headers()["content-type"]).toBe("image/png");
    expect(pngSize(await image.body()), icon.src).toBe(icon.sizes);
  }

  const login = await (await request.get("/login")).text();
  expect(login).toContain('rel="manifest" href="/manifest.webmanifest"');
  const apple = /<link rel="apple-touch-icon" href="([^"]+)"/.exec(login)?.[1];
  expect(apple).toBe("/icons/apple-touch-icon.png");
  expect(pngSize(await (await request.get(apple!)).body())).toBe("180x180");
  expect(login).toContain('<meta name="theme-color" content="#0f1320" media="(prefers-color-scheme: dark)"/>');
});
