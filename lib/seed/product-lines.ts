// What the demo company sells. Orglight: lighting and electrical; Perfil: aluminium and
// uPVC profiles, hardware and finishes. Prices are list prices in KES; margins differ by line.
import type { BusinessUnitSeed } from "./geography";

export interface CategorySpec {
  category: string;
  /** Product names are `${base} ${variant}`. */
  base: string;
  variants: readonly string[];
  /** List price of the cheapest and dearest variant, in KES. */
  price: readonly [number, number];
  /** A typical retail order quantity. */
  quantity: number;
}

export interface ProductLineSpec {
  code: string;
  name: string;
  businessUnit: BusinessUnitSeed["slug"];
  /** Average gross margin on list price. */
  margin: number;
  categories: readonly CategorySpec[];
}

// One category per line reads as a price list; prettier would spread it over 450 lines.
// prettier-ignore
export const PRODUCT_LINES: readonly ProductLineSpec[] = [
  {
    code: "LED", name: "LED Lighting", businessUnit: "orglight", margin: 0.38,
    categories: [
      { category: "Bulbs", base: "LED Bulb", price: [150, 650], quantity: 24, variants: ["5W E27 Warm White", "7W E27 Daylight", "9W E27 Warm White", "9W E27 Daylight", "12W E27 Daylight", "15W B22 Daylight", "18W E27 Daylight"] },
      { category: "Tubes", base: "LED Tube T8", price: [350, 950], quantity: 20, variants: ["9W 60cm Daylight", "18W 120cm Daylight", "18W 120cm Cool White", "24W 150cm Daylight"] },
      { category: "Panels", base: "LED Panel", price: [1800, 5600], quantity: 8, variants: ["300x300 18W Recessed", "600x600 36W Recessed", "600x600 48W Recessed", "300x1200 40W Surface", "600x600 40W Backlit"] },
      { category: "Downlights", base: "LED Downlight", price: [450, 1600], quantity: 12, variants: ["6W Round", "9W Round", "12W Round", "18W Round", "12W Square", "18W Square"] },
      { category: "Strips", base: "LED Strip 5m", price: [900, 2600], quantity: 6, variants: ["2835 Warm White", "2835 Cool White", "5050 RGB with Controller"] },
    ],
  },
  {
    code: "COM", name: "Commercial Lighting", businessUnit: "orglight", margin: 0.3,
    categories: [
      { category: "High Bays", base: "LED High Bay", price: [6500, 16500], quantity: 4, variants: ["100W UFO", "150W UFO", "200W UFO", "150W Linear"] },
      { category: "Floodlights", base: "LED Floodlight", price: [1600, 9500], quantity: 5, variants: ["30W IP65", "50W IP65", "100W IP65", "150W IP66", "200W IP66"] },
      { category: "Street Lights", base: "LED Street Light", price: [7500, 17500], quantity: 4, variants: ["60W", "100W", "150W"] },
      { category: "Battens", base: "LED Batten", price: [950, 3800], quantity: 10, variants: ["4ft Single 18W", "4ft Twin 36W", "5ft Single 24W", "5ft Twin 48W", "Weatherproof 4ft Twin"] },
      { category: "Emergency Lighting", base: "Emergency Light", price: [1500, 4200], quantity: 6, variants: ["Twin Spot", "Exit Sign", "Bulkhead 3h", "Rechargeable Lantern"] },
      { category: "Track Lights", base: "LED Track Light", price: [1900, 3900], quantity: 6, variants: ["20W Black", "30W White", "40W Black"] },
    ],
  },
  {
    code: "SOL", name: "Solar & Outdoor", businessUnit: "orglight", margin: 0.28,
    categories: [
      { category: "Solar Lighting", base: "Solar Floodlight", price: [2800, 9800], quantity: 3, variants: ["60W", "100W", "200W", "300W"] },
      { category: "Solar Lighting", base: "Solar Street Light All-in-One", price: [6900, 19500], quantity: 3, variants: ["40W", "60W", "100W", "150W"] },
      { category: "Solar Power", base: "Solar Panel Mono", price: [6500, 21000], quantity: 2, variants: ["100W", "200W", "330W", "450W"] },
      { category: "Solar Power", base: "Home Solar Kit", price: [5500, 45000], quantity: 2, variants: ["3 Lights + Radio", "4 Lights + TV Ready", "1kVA Inverter Bundle"] },
      { category: "Solar Power", base: "Deep Cycle Battery", price: [18000, 34000], quantity: 2, variants: ["100Ah", "200Ah"] },
      { category: "Solar Power", base: "Solar Charge Controller", price: [2200, 9800], quantity: 2, variants: ["20A PWM", "40A MPPT"] },
      { category: "Outdoor Lights", base: "Outdoor Light", price: [750, 4500], quantity: 6, variants: ["Up-Down Wall Black", "Bulkhead Round", "Bulkhead Oval", "Garden Spike 7W", "Bollard 60cm"] },
    ],
  },
  {
    code: "CAB", name: "Cables & Wiring", businessUnit: "orglight", margin: 0.16,
    categories: [
      { category: "House Wiring", base: "Single Core Cable 100m", price: [2800, 17500], quantity: 4, variants: ["1.5mm² Red", "1.5mm² Black", "2.5mm² Red", "2.5mm² Black", "4mm² Red", "6mm² Red", "10mm² Black"] },
      { category: "House Wiring", base: "Twin & Earth Cable 100m", price: [7200, 26000], quantity: 3, variants: ["1.5mm²", "2.5mm²", "4mm²", "6mm²"] },
      { category: "Power Cables", base: "Armoured Cable 50m", price: [9500, 42000], quantity: 2, variants: ["2.5mm² 3-Core", "4mm² 3-Core", "6mm² 4-Core", "10mm² 4-Core"] },
      { category: "Power Cables", base: "Flexible Cable 100m", price: [3900, 8800], quantity: 3, variants: ["0.75mm² 2-Core", "1.0mm² 3-Core", "1.5mm² 3-Core"] },
      { category: "Conduit & Trunking", base: "PVC Conduit 2.9m", price: [95, 260], quantity: 40, variants: ["20mm Light Gauge", "20mm Heavy Gauge", "25mm Heavy Gauge"] },
      { category: "Conduit & Trunking", base: "PVC Trunking 3m", price: [180, 1200], quantity: 20, variants: ["16x16", "25x16", "40x25", "100x50"] },
    ],
  },
  {
    code: "SWS", name: "Switches & Protection", businessUnit: "orglight", margin: 0.42,
    categories: [
      { category: "Switches & Sockets", base: "Switch", price: [150, 520], quantity: 20, variants: ["1-Gang 1-Way", "2-Gang 1-Way", "3-Gang 1-Way", "1-Gang 2-Way", "Intermediate"] },
      { category: "Switches & Sockets", base: "Socket 13A", price: [280, 1600], quantity: 15, variants: ["Single Switched", "Twin Switched", "Twin with USB", "Weatherproof Single"] },
      { category: "Circuit Protection", base: "MCB Single Pole", price: [350, 900], quantity: 10, variants: ["6A", "10A", "16A", "20A", "32A", "40A", "63A"] },
      { category: "Circuit Protection", base: "Consumer Unit", price: [1800, 5800], quantity: 4, variants: ["4-Way", "6-Way", "8-Way", "12-Way"] },
      { category: "Circuit Protection", base: "Protection", price: [2200, 6500], quantity: 3, variants: ["RCCB 40A 30mA", "Surge Arrester 40kA", "Isolator 63A", "Changeover Switch 63A"] },
    ],
  },
  {
    code: "ALU", name: "Aluminium Profiles", businessUnit: "perfil", margin: 0.22,
    categories: [
      { category: "Window Systems", base: "Casement Window Frame 6m", price: [1900, 3300], quantity: 12, variants: ["Mill", "Silver Anodised", "Bronze", "Powder White", "Powder Black"] },
      { category: "Window Systems", base: "Sliding Track 6m", price: [2400, 4200], quantity: 10, variants: ["2-Track Silver", "2-Track Bronze", "3-Track Silver", "3-Track Bronze"] },
      { category: "Door Systems", base: "Door Profile 6m", price: [2600, 5200], quantity: 10, variants: ["Frame Silver", "Frame Bronze", "Leaf Silver", "Leaf Bronze", "Threshold Silver"] },
      { category: "Facades", base: "Curtain Wall Mullion 6m", price: [6800, 11500], quantity: 8, variants: ["100mm Silver", "150mm Silver", "150mm Black"] },
      { category: "Facades", base: "Curtain Wall Transom 6m", price: [5200, 8200], quantity: 8, variants: ["100mm Silver", "150mm Silver"] },
      { category: "Sections", base: "Shopfront Section 6m", price: [900, 4800], quantity: 15, variants: ["Box 100x44 Silver", "Box 100x44 Bronze", "Angle 25x25 Silver", "Tube 50x25 Silver"] },
      { category: "Sections", base: "Louvre Blade 6m", price: [1400, 1700], quantity: 20, variants: ["Silver", "Bronze"] },
    ],
  },
  {
    code: "PVC", name: "uPVC Profiles", businessUnit: "perfil", margin: 0.26,
    categories: [
      { category: "Window Systems", base: "uPVC Window Frame 6m", price: [1600, 3200], quantity: 12, variants: ["60mm White", "70mm White", "70mm Golden Oak", "70mm Anthracite"] },
      { category: "Window Systems", base: "uPVC Sash 6m", price: [1700, 3100], quantity: 12, variants: ["60mm White", "70mm White", "70mm Golden Oak"] },
      { category: "Window Systems", base: "uPVC Mullion 6m", price: [1500, 2200], quantity: 8, variants: ["60mm White", "70mm White"] },
      { category: "Window Systems", base: "uPVC Sill 6m", price: [1100, 1650], quantity: 8, variants: ["150mm White", "225mm White"] },
      { category: "Door Systems", base: "uPVC Door Profile 6m", price: [2600, 4200], quantity: 8, variants: ["Frame White", "Frame Golden Oak", "Sash White", "Sash Golden Oak"] },
      { category: "Accessories", base: "Glazing Bead 6m", price: [240, 520], quantity: 20, variants: ["20mm White", "24mm White", "24mm Golden Oak"] },
      { category: "Accessories", base: "Steel Reinforcement 6m", price: [900, 1600], quantity: 12, variants: ["Frame 1.5mm", "Sash 1.5mm", "Mullion 2.0mm"] },
      { category: "Ceilings", base: "uPVC Ceiling Panel 5m", price: [650, 950], quantity: 30, variants: ["Glossy White", "Wood Grain", "Marble"] },
    ],
  },
  {
    code: "HDW", name: "Door & Window Hardware", businessUnit: "perfil", margin: 0.45,
    categories: [
      { category: "Hinges & Closers", base: "Hinge", price: [180, 1900], quantity: 25, variants: ["3\" Stainless (pair)", "4\" Stainless (pair)", "4\" Brass (pair)", "Aluminium Door Pivot"] },
      { category: "Hinges & Closers", base: "Door Closer", price: [2100, 14500], quantity: 4, variants: ["Size 3", "Size 4", "Floor Spring"] },
      { category: "Handles", base: "Handle", price: [450, 3200], quantity: 12, variants: ["Lever on Rose Satin", "Lever on Plate Chrome", "Pull 300mm Stainless", "Pull 600mm Stainless", "Window Cockspur"] },
      { category: "Locks", base: "Lock", price: [650, 3600], quantity: 8, variants: ["Mortice 3-Lever", "Mortice 5-Lever", "Euro Cylinder 70mm", "Sliding Door Hook Lock", "Padlock 50mm"] },
      { category: "Window Fittings", base: "Window Fitting", price: [180, 2400], quantity: 20, variants: ["Friction Stay 12in", "Friction Stay 16in", "Casement Stay", "Sliding Roller Pair", "Multipoint Espag Gear"] },
      { category: "Fixings", base: "Fixings Box", price: [350, 1800], quantity: 10, variants: ["Self-Tapping Screws 8x1 (1000)", "Wall Plugs 8mm (100)", "Pop Rivets 4mm (1000)", "Frame Anchors 10x100 (50)"] },
    ],
  },
  {
    code: "FIN", name: "Finishes & Accessories", businessUnit: "perfil", margin: 0.36,
    categories: [
      { category: "Coatings", base: "Powder Coat 20kg", price: [9500, 16500], quantity: 3, variants: ["RAL 9016 White", "RAL 9005 Black", "RAL 8017 Brown", "RAL 7016 Anthracite", "Silver Metallic"] },
      { category: "Coatings", base: "Touch-Up Spray", price: [450, 650], quantity: 10, variants: ["Silver", "Bronze", "White"] },
      { category: "Sealants & Gaskets", base: "Silicone Sealant 300ml", price: [280, 620], quantity: 24, variants: ["Clear", "White", "Black", "Neutral Cure Grey"] },
      { category: "Sealants & Gaskets", base: "EPDM Gasket Roll", price: [1800, 4800], quantity: 5, variants: ["Glazing Wedge 100m", "Frame Seal 100m", "Brush Pile 250m"] },
      { category: "Glass & Mesh", base: "Float Glass Sheet", price: [3200, 7800], quantity: 6, variants: ["4mm Clear", "5mm Clear", "6mm Clear", "5mm Tinted Bronze", "6mm Frosted"] },
      { category: "Glass & Mesh", base: "Mesh Screen Roll", price: [3500, 6200], quantity: 3, variants: ["Fibreglass 30m", "Aluminium 30m"] },
      { category: "Accessories", base: "Corner Cleats Box", price: [1200, 2100], quantity: 6, variants: ["Casement (100)", "Sliding (100)"] },
    ],
  },
];
