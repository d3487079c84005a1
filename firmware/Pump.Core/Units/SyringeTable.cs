namespace Pump.Core.Units
{
    /// <summary>
    /// The syringes the pump accepts. Diameters: New Era Pump Systems NE-1000 User Manual
    /// (Publication #1200-01), appendix "Syringe Diameters and Rate Limits" [S], plus the BD
    /// Plastipak technical data sheet (March 2016) for the 50/60 mL product being one barrel [V].
    /// Full citations and the open verification items are in hardware-docs/syringes.md.
    /// Travel values are derived (see <see cref="SyringeSpec"/>) and checked by a test.
    /// Ids: 1xx BD, 2xx Terumo, 3xx Henke-Sass Wolf; the last two digits are the size class.
    /// </summary>
    public static class SyringeTable
    {
        private const string NewEra = "NE-1000 manual 12.7 [S]";
        private const string NewEraBd5060 = "NE-1000 12.7 BD 60; BD TDS: 50/60 one barrel";

        private static readonly SyringeSpec[] Entries = new SyringeSpec[]
        {
            new SyringeSpec(101, "BD PLASTIPAK 10", 10000000L, 14430, 61148, NewEra),
            new SyringeSpec(102, "BD PLASTIPAK 20", 20000000L, 19050, 70170, NewEra),
            new SyringeSpec(103, "BD PLASTIPAK 30", 30000000L, 21590, 81946, NewEra),
            new SyringeSpec(104, "BD PLASTIPAK 50", 50000000L, 26590, 90042, NewEraBd5060),
            new SyringeSpec(105, "BD PLASTIPAK 60", 60000000L, 26590, 108050, NewEraBd5060),
            new SyringeSpec(201, "TERUMO 10", 10000000L, 15800, 51004, NewEra),
            new SyringeSpec(202, "TERUMO 20", 20000000L, 20150, 62718, NewEra),
            new SyringeSpec(203, "TERUMO 30", 30000000L, 23100, 71583, NewEra),
            new SyringeSpec(205, "TERUMO 60", 60000000L, 29700, 86607, NewEra),
            new SyringeSpec(301, "HSW NORMJECT 10", 10000000L, 15900, 50364, NewEra),
            new SyringeSpec(302, "HSW NORMJECT 20", 20000000L, 20050, 63345, NewEra),
            new SyringeSpec(303, "HSW NORMJECT 30", 30000000L, 22900, 72839, NewEra),
            new SyringeSpec(304, "HSW NORMJECT 50", 50000000L, 29200, 74665, NewEra),
        };

        public static int Count
        {
            get { return Entries.Length; }
        }

        /// <summary>Entry by position, 0 .. Count-1 (for menus).</summary>
        public static SyringeSpec GetAt(int index)
        {
            return Entries[index];
        }

        /// <summary>Position of a syringe by its stable id (for menus); 0 when the table has none with that id.</summary>
        public static int IndexOf(int id)
        {
            for (int i = 0; i < Entries.Length; i++)
            {
                if (Entries[i].Id == id)
                {
                    return i;
                }
            }

            return 0;
        }

        /// <summary>Finds a syringe by its stable id.</summary>
        public static bool TryFind(int id, out SyringeSpec? spec)
        {
            for (int i = 0; i < Entries.Length; i++)
            {
                if (Entries[i].Id == id)
                {
                    spec = Entries[i];
                    return true;
                }
            }

            spec = null;
            return false;
        }
    }
}
