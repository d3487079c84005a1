using Pump.Core.Link;

namespace Pump.Core.Panel
{
    /// <summary>
    /// The paired monitor's bed label as the link carries it ("BED ICU-3 BED 12"), so the clinician can check which
    /// bed's monitor feeds the interlock: at pairing, before every start and on the held screens (PNL-300, LNK-020).
    /// Only printable ASCII up to the first zero is drawn (the parser already refuses anything else). Allocates nothing.
    /// Public because service mode's pairing page (Pump.Core.Service, a separate device assembly) draws it too.
    /// </summary>
    public static class BedLabelLine
    {
        /// <summary>True when the frame carries a label to show.</summary>
        public static bool Has(VitalSigns? v)
        {
            return v != null && v.BedLabel[0] != 0;
        }

        /// <summary>Draws "BED " and the label at (row, 0); "BED ?" when there is none.</summary>
        public static void Render(ScreenBuffer s, int row, VitalSigns? v)
        {
            int c = s.Put(row, 0, "BED ");
            if (!Has(v))
            {
                s.PutChar(row, c, '?');
                return;
            }

            byte[] label = v!.BedLabel;
            for (int i = 0; i < VitalSigns.BedLabelLength && label[i] != 0; i++)
            {
                byte b = label[i];
                c = s.PutChar(row, c, b >= 0x20 && b <= 0x7E ? (char)b : '?');
            }
        }
    }
}
