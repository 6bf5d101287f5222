"""Write `diffdrr/tables/tungsten_spectra.csv`: unfiltered tungsten-anode X-ray tube spectra, one column per
tube voltage from 60 to 140 kVp (every 1 kV), at every whole keV from 10 to 150.

Source: SpekPy 2.5.4 (`spekpy.Spek(kvp, th=12, dk=1, shift=0.5)`: 12 degree anode angle, 1 keV bins centred on
whole keV, no added filtration, 1 mAs at 1 m), fluence in photons / cm^2 / mAs per keV bin. Energies below 10 keV
are dropped: any realistic filtration removes them, and `diffdrr.physics` applies aluminium/copper filtration
itself (Beer-Lambert with its own attenuation table; the check at the end compares that with SpekPy's filter).

Run from the repository root:  pip install spekpy==2.5.4 && python scripts/make_spectra.py
"""
import numpy as np
import spekpy

ENERGIES_KEV = np.arange(10, 151, dtype=np.float64)
KVPS = np.arange(60, 141)


def spectrum(kvp, **filters):
    "SpekPy fluence (photons / cm^2 / mAs per 1 keV bin) on ENERGIES_KEV."
    s = spekpy.Spek(kvp=float(kvp), th=12, dk=1, shift=0.5)
    for material, mm in filters.items():
        s.filter(material, mm)
    k, fluence = s.get_spectrum()
    out = np.zeros_like(ENERGIES_KEV)
    keep = (k >= ENERGIES_KEV[0]) & (k <= ENERGIES_KEV[-1])
    out[np.round(k[keep]).astype(int) - int(ENERGIES_KEV[0])] = fluence[keep]
    return out


def main(path="diffdrr/tables/tungsten_spectra.csv"):
    table = np.stack([spectrum(kvp) for kvp in KVPS], axis=1)  # (E, K)
    header = (f"unfiltered tungsten-anode spectra, photons / cm^2 / mAs / keV at 1 m, anode angle 12 deg; SpekPy "
              f"2.5.4; written by scripts/make_spectra.py\nenergy_kev," + ",".join(f"{k}kvp" for k in KVPS))
    np.savetxt(path, np.column_stack([ENERGIES_KEV, table]), delimiter=",", header=header, fmt=["%g"] + ["%.6g"] * len(KVPS))
    # check: our Beer-Lambert filtration (with the attenuation table) against SpekPy's own filter
    mu = np.loadtxt("diffdrr/tables/mass_attenuation.csv", delimiter=",")
    names = open("diffdrr/tables/mass_attenuation.csv").readlines()[2].strip("# \n").split(",")
    for material, name, rho, mm in (("Al", "aluminium", 2.699, 2.5), ("Cu", "copper", 8.96, 0.2)):
        ours = table[:, KVPS.tolist().index(100)] * np.exp(-mu[:, names.index(name)] * rho * mm / 10)
        theirs = spectrum(100, **{material: mm})
        ours, theirs = ours / ours.sum(), theirs / theirs.sum()
        mean_e = (ENERGIES_KEV * ours).sum(), (ENERGIES_KEV * theirs).sum()
        print(f"100 kVp + {mm} mm {material}: mean energy {mean_e[0]:.3f} keV (ours) vs {mean_e[1]:.3f} keV (SpekPy), "
              f"largest weight difference {np.abs(ours - theirs).max() / theirs.max():.2%} of the peak")
    print(f"wrote {path}: {len(KVPS)} spectra x {len(ENERGIES_KEV)} energies")


if __name__ == "__main__":
    main()
