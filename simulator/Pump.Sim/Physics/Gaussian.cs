using System;

namespace Pump.Sim.Physics
{
    /// <summary>Standard normal deviates from a seeded <see cref="Random"/> (Box–Muller); allocation-free.</summary>
    public sealed class Gaussian
    {
        private readonly Random _random;
        private bool _hasSpare;
        private double _spare;

        public Gaussian(Random random)
        {
            _random = random;
        }

        public Gaussian(int seed) : this(new Random(seed))
        {
        }

        public Random Random => _random;

        /// <summary>Next N(0, 1) deviate.</summary>
        public double Next()
        {
            if (_hasSpare)
            {
                _hasSpare = false;
                return _spare;
            }
            double u1 = 1.0 - _random.NextDouble();
            double u2 = _random.NextDouble();
            double r = Math.Sqrt(-2.0 * Math.Log(u1));
            _spare = r * Math.Sin(2.0 * Math.PI * u2);
            _hasSpare = true;
            return r * Math.Cos(2.0 * Math.PI * u2);
        }

        /// <summary>A log-normal factor with mean 1 and the given coefficient of variation.</summary>
        public double LogNormalFactor(double cv)
        {
            if (cv <= 0)
            {
                return 1.0;
            }
            double sigma2 = Math.Log(1.0 + (cv * cv));
            return Math.Exp((Math.Sqrt(sigma2) * Next()) - (sigma2 / 2.0));
        }
    }
}
