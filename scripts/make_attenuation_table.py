"""Write `diffdrr/tables/mass_attenuation.csv`: mass attenuation coefficients (cm^2/g) of the materials that
`diffdrr.physics` knows by name, at every whole keV from 10 to 150.

Source: xraydb 4.5.8 (`xraydb.mu_elam(element, energy, kind="total")`, the Elam-Ravel-Sieber tables, total
attenuation including coherent scattering; they agree with NIST XCOM, see the check at the end) for each element,
mixed by mass fraction (the mixture rule mu/rho = sum_i w_i (mu/rho)_i). Compositions (mass fractions) are those
of ICRU Report 44 as tabulated by NIST (https://physics.nist.gov/PhysRefData/XrayMassCoef/tab2.html); the contrast
agent is blood with 15 mg of iodine per mL. Densities (g/cm^3) are the nominal ones of the same tables.

Run from the repository root:  pip install xraydb==4.5.8 && python scripts/make_attenuation_table.py
"""
import numpy as np
import xraydb

ENERGIES_KEV = np.arange(10, 151, dtype=np.float64)

BLOOD = {"H": 0.102, "C": 0.110, "N": 0.033, "O": 0.745, "Na": 0.001, "P": 0.001, "S": 0.002, "Cl": 0.003,
         "K": 0.002, "Fe": 0.001}
IODINE_MG_PER_ML, BLOOD_DENSITY = 15.0, 1.06
_w_iodine = IODINE_MG_PER_ML / 1000 / (BLOOD_DENSITY + IODINE_MG_PER_ML / 1000)
CONTRAST = {**{el: w * (1 - _w_iodine) for el, w in BLOOD.items()}, "I": _w_iodine}

MATERIALS = {  # name: (nominal density g/cm^3, mass fractions)
    "air": (0.001205, {"C": 0.000124, "N": 0.755268, "O": 0.231781, "Ar": 0.012827}),
    "lung": (0.26, {"H": 0.103, "C": 0.105, "N": 0.031, "O": 0.749, "Na": 0.002, "P": 0.002, "S": 0.003,
                    "Cl": 0.003, "K": 0.002}),  # ICRU-44 lung tissue (1.05 g/cm^3) inflated with air: 0.26 g/cm^3
    "adipose": (0.95, {"H": 0.114, "C": 0.598, "N": 0.007, "O": 0.278, "Na": 0.001, "S": 0.001, "Cl": 0.001}),
    "soft_tissue": (1.06, {"H": 0.102, "C": 0.143, "N": 0.034, "O": 0.708, "Na": 0.002, "P": 0.003, "S": 0.003,
                           "Cl": 0.002, "K": 0.003}),
    "bone": (1.92, {"H": 0.034, "C": 0.155, "N": 0.042, "O": 0.435, "Na": 0.001, "Mg": 0.002, "P": 0.103,
                    "S": 0.003, "Ca": 0.225}),  # ICRU-44 cortical bone
    "iodine": (BLOOD_DENSITY + IODINE_MG_PER_ML / 1000, CONTRAST),  # iodinated contrast in blood, 15 mg I / mL
    "titanium": (4.506, {"Ti": 1.0}),
    "water": (1.0, {"H": 0.111894, "O": 0.888106}),
    "aluminium": (2.699, {"Al": 1.0}),  # filter
    "copper": (8.96, {"Cu": 1.0}),  # filter
}


def mass_attenuation(fractions):
    "mu/rho (cm^2/g) of a mixture on ENERGIES_KEV, by the mixture rule (fractions normalised to 1)."
    total = sum(fractions.values())
    return sum(w / total * xraydb.mu_elam(el, ENERGIES_KEV * 1000.0, kind="total") for el, w in fractions.items())


def main(path="diffdrr/tables/mass_attenuation.csv"):
    names = list(MATERIALS)
    table = np.stack([mass_attenuation(MATERIALS[n][1]) for n in names], axis=1)  # (E, M)
    densities = [MATERIALS[n][0] for n in names]
    header = (f"mass attenuation coefficients mu/rho (cm^2/g), total with coherent scattering; xraydb {xraydb.__version__} "
              "mu_elam, ICRU-44 compositions; written by scripts/make_attenuation_table.py\n"
              "density_g_cm3: " + ",".join(f"{d:g}" for d in densities) + "\n"
              "energy_kev," + ",".join(names))
    np.savetxt(path, np.column_stack([ENERGIES_KEV, table]), delimiter=",", header=header, fmt=["%g"] + ["%.6g"] * len(names))
    # check against NIST XCOM (https://physics.nist.gov/PhysRefData/XrayMassCoef/ComTab/water.html), total with coherent
    xcom_kev = np.array([10.0, 15, 20, 30, 40, 50, 60, 80, 100, 150])
    xcom_water = np.array([5.329, 1.673, 0.8096, 0.3756, 0.2683, 0.2269, 0.2059, 0.1837, 0.1707, 0.1505])
    ours = table[(xcom_kev - 10).astype(int), names.index("water")]
    print(f"wrote {path}: {len(names)} materials x {len(ENERGIES_KEV)} energies; "
          f"water vs NIST XCOM: max relative difference {np.max(np.abs(ours / xcom_water - 1)):.2%}")


if __name__ == "__main__":
    main()
